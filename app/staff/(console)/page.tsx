import { getTranslations } from 'next-intl/server';
import { staffPage } from '@/lib/server/staff';
import { titled } from '@/app/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('staffHome');

/** The console's landing: who is signed in, with which role; the menu leads on. */
export default async function StaffHome() {
  const t = await getTranslations('staffConsole');
  return staffPage('viewer', async ({ user }) => (
    <section className="panel">
      <h1>{t('welcome', { name: user.name })}</h1>
      <p>{t('welcomeLead', { role: t(`roles.${user.role}`) })}</p>
    </section>
  ));
}
