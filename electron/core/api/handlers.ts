// Runs: node (core). The complete handler table: every operation of the contract, typed per
// domain. A missing handler is a type error, so the contract and the core cannot drift apart.
import type { HandlerTable } from './context.ts';
import { adminHandlers } from './handlers-admin.ts';
import { appHandlers } from './handlers-app.ts';
import { assistantHandlers } from './handlers-assistant.ts';
import { catalogHandlers } from './handlers-catalog.ts';
import { catalogAdminHandlers } from './handlers-catalog-admin.ts';
import { inventoryHandlers } from './handlers-inventory.ts';
import { recommendHandlers } from './handlers-recommend.ts';
import { syncHandlers } from './handlers-sync.ts';
import { posHandlers } from './handlers-pos.ts';
import { fraudHandlers } from './handlers-fraud.ts';
import { printingHandlers } from './handlers-printing.ts';
import { shiftHandlers } from './handlers-shift.ts';

export const handlers: HandlerTable = {
  ...appHandlers,
  ...assistantHandlers,
  ...adminHandlers,
  ...catalogHandlers,
  ...catalogAdminHandlers,
  ...syncHandlers,
  ...posHandlers,
  ...fraudHandlers,
  ...printingHandlers,
  ...shiftHandlers,
  ...inventoryHandlers,
  ...recommendHandlers,
};
