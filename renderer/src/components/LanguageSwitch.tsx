// Runs: dom (renderer). English / 简体中文 toggle. Each language is labelled in its own script so a
// shopper who cannot read the current language can still find theirs.
import { locales, useI18n } from '../i18n/index.tsx';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {locales.map((l) => (
        <button
          key={l}
          type="button"
          className="lang-switch__option"
          lang={l}
          aria-pressed={l === locale}
          onClick={() => setLocale(l)}
        >
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  );
}
