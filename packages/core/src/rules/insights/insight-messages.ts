import { BoundedMap } from '../../cache/bounded-map';
import { defineCatalog, type Localized, type MessageParams } from '../../i18n/catalog';

/** Why a team figure or its change is not shown, and how periods are named, in words a team understands. */
export const insightMessages = defineCatalog({
  en: {
    'hidden.too-few-contributors':
      'Fewer than {k, plural, one {# person} other {# people}} contributed to this figure, so it is not shown. That keeps anyone’s own entries from being picked out.',
    'hidden.complementary':
      'Hidden along with another small figure, so that the small one cannot be worked out from the total.',
    'change.current-hidden': 'This period’s figure is not shown, so there is no change to show either.',
    'change.previous-hidden':
      'The previous period’s figure was not shown (fewer than {k, plural, one {# person} other {# people}}, or hidden with a small figure), so there is no change to show.',
    'change.contributors-changed':
      'Between the two periods, fewer than {k, plural, one {# person} other {# people}} joined or left this figure. Showing the change could reveal their entries, so it is not shown.',
    'period.week': 'Week of {start}',
    'period.fiscal-quarter': 'FY{year} Q{quarter}',
    'period.fiscal-year': 'FY{year}',
  },
  ja: {
    'hidden.too-few-contributors':
      'この数字に関わった人が{k}人未満のため、表示していません。一人ひとりの記録が特定されないようにするためです。',
    'hidden.complementary': '小さな数字が合計から逆算されないよう、あわせて表示を控えています。',
    'change.current-hidden': '今期の数字を表示していないため、前期からの変化も表示していません。',
    'change.previous-hidden':
      '前期の数字を表示していなかった（{k}人未満、または小さな数字とあわせて非表示）ため、変化は表示していません。',
    'change.contributors-changed':
      '2つの期間のあいだで、この数字に関わる人が{k}人未満だけ入れ替わりました。変化を示すとその人の記録がわかってしまうおそれがあるため、表示していません。',
    'period.week': '{start}の週',
    'period.fiscal-quarter': '{year}年度 第{quarter}四半期',
    'period.fiscal-year': '{year}年度',
  },
});
export type InsightMessageKey = (typeof insightMessages.keys)[number];

const cache = new BoundedMap<string, Localized>(1000);
/** Both languages of one text. Shared objects: an org report repeats the same few reasons many times. */
export function insightText(key: InsightMessageKey, params?: MessageParams): Localized {
  const id = params ? `${key}\u0000${JSON.stringify(params)}` : key;
  return cache.getOrSet(id, () =>
    Object.freeze({ ja: insightMessages.t('ja', key, params), en: insightMessages.t('en', key, params) }),
  );
}
