import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** React's own encoder of a Server Action's arguments (what the browser sends), from Next's compiled copy. */
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.edge.js') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

/** The body a form's Server Action (`(prevState, formData)`, as `useActionState` calls it) is posted with. */
export async function actionFormBody(form: FormData = new FormData()): Promise<FormData | string> {
  return encodeReply([null, form]);
}
