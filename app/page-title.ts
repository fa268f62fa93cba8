import type { Metadata } from 'next';
import type { Messages } from 'next-intl';
import { getTranslations } from 'next-intl/server';

type TitleKey = Exclude<keyof Messages['titles'], 'template'>;

/**
 * A page's tab title in the visitor's language (messages `titles`; the root layout adds
 * " · Card portal" / " · Kortportal"): `export const generateMetadata = titled('payments')`.
 */
export function titled(key: TitleKey, more: Omit<Metadata, 'title'> = {}): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations('titles');
    return { ...more, title: t(key) };
  };
}
