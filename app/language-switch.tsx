import { getLocale, getTranslations } from 'next-intl/server';
import { setLanguage } from '@/app/actions/language';
import { ActionForm } from './action-form';

export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('lang')]);
  const other = locale === 'da' ? 'en' : 'da';
  return (
    <ActionForm action={setLanguage} className="lang-switch">
      <input type="hidden" name="lang" value={other} />
      <button type="submit" lang={other}>
        {t('switch')}
      </button>
    </ActionForm>
  );
}
