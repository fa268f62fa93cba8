export { createStripeEmulator } from './emulator';
