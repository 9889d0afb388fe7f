// Runs: dom (renderer). Shapes the renderer shares, derived from the API contract so they never drift.
import type { OpOutput } from '../../../common/api/index.ts';
import type { Role } from '../../../common/api/define.ts';

export type AppInfo = OpOutput<'app.info'>;
export type StoreProfile = OpOutput<'store.profile'>;
export type Surface = AppInfo['surface'];
export type Locale = AppInfo['locale'];
export type { Role };
