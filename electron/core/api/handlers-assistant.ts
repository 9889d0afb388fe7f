// Runs: node (core). Handlers for the assistant and help-ticket operations (common/api/assistant.ts).
import { getAssistant } from '../assistant/service.ts';
import { listTickets, openTicketCount, staffStatusFor, updateTicket } from '../assistant/tickets.ts';
import type { Handler } from './context.ts';

export const assistantHandlers: {
  'assistant.start': Handler<'assistant.start'>;
  'assistant.ask': Handler<'assistant.ask'>;
  'assistant.feedback': Handler<'assistant.feedback'>;
  'assistant.callStaff': Handler<'assistant.callStaff'>;
  'assistant.end': Handler<'assistant.end'>;
  'assistant.staffStatus': Handler<'assistant.staffStatus'>;
  'tickets.list': Handler<'tickets.list'>;
  'tickets.update': Handler<'tickets.update'>;
} = {
  'assistant.start': async ({ core }) => {
    const a = await getAssistant(core);
    return { ready: a.modelStatus.ready, modelVersion: a.modelVersion };
  },
  'assistant.ask': async ({ core }, input) => (await getAssistant(core)).ask(input),
  'assistant.feedback': async ({ core }, input) => (await getAssistant(core)).feedback(input),
  'assistant.callStaff': async ({ core }, input) => (await getAssistant(core)).callStaff(input),
  'assistant.end': async ({ core }, input) => {
    (await getAssistant(core)).endConversation(input.sessionId);
    return { ok: true as const };
  },
  'assistant.staffStatus': ({ core }, input) => staffStatusFor(core.db, input.sessionId),
  'tickets.list': ({ core }, input) => ({ tickets: listTickets(core.db, input.status ?? 'active', input.limit ?? 100), open: openTicketCount(core.db) }),
  'tickets.update': ({ core, session }, input) => {
    const t = updateTicket(core.db, input.id, input.status, session.user);
    core.emit('tickets.changed', { open: openTicketCount(core.db) });
    return t;
  },
};
