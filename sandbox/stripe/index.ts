export { createStripeEmulator, type StripeEmulator } from './emulator';
export type { StripeEmulatorOptions } from './config';
export type { StripeEvent } from './events';
export type { WebhookDelivery } from './webhooks';
export { signPayload } from './webhooks';
