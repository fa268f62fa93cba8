import { setLanguage } from '@/app/actions/language';
import type { Locale } from '@/lib/i18n/messages';
import type { Translate } from '@/lib/i18n/translate';

export function LanguageSwitch({ locale, t }: { locale: Locale; t: Translate }) {
  const other = locale === 'da' ? 'en' : 'da';
  return (
    <form action={setLanguage} className="lang-switch">
      <input type="hidden" name="lang" value={other} />
      <button type="submit" lang={other}>
        {t('lang.switch')}
      </button>
    </form>
  );
}
