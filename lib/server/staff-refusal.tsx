import 'server-only';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Refused } from '@/lib/domain/outcomes';

/** How a staff page shows a refusal in place of its view. */
export type RefusalView = (refusal: Refused) => ReactNode | Promise<ReactNode>;

/** A refusal as one alert sentence: `text`, or the console's "Your role does not allow this page". */
export function refusalNotice(text?: string): RefusalView {
  return async function notice() {
    return <p role="alert">{text ?? (await getTranslations('staffConsole'))('forbidden')}</p>;
  };
}
