import type {
  AnswerPreference,
  Cadence,
  Feeling,
  ItemKind,
  LocalDate,
  Locale,
  LocalTime,
  NextStepKind,
  OutcomeKind,
  ReasonCategory,
  SalesStage,
  ToneCategory,
  Visibility,
} from '@rebound/core';

/**
 * What each card shows, as plain data. Texts that come from rules (prompts, reasons, suggested replies) arrive
 * already in the card's locale; enum values are turned into labels by the cards' own catalog. Any string here
 * may have been written by a person, so every card shows it as plain text.
 */
export interface CardBase {
  locale: Locale;
}

/** One reflection question, as the prompt rules chose it. */
export interface PromptView {
  id: string;
  text: string;
  answerKind: 'text' | 'scale' | 'choice';
  /** For `choice` prompts: option ids and their texts. */
  choices?: readonly { id: string; text: string }[];
  /** Why this question was chosen, in the card's locale. */
  reason?: string;
}

export interface ReplySuggestionView {
  templateId: string;
  text: string;
  reason: string;
}

export interface ToneFindingView {
  category: ToneCategory;
  excerpt: string;
  reason: string;
  alternative: string;
}

export interface SignalView {
  kind: string;
  text: string;
  reason: string;
}

/** A figure in a team aggregate: `suppressed` when fewer than k people stand behind it. */
export interface FigureView {
  value: number | null;
  suppressed: boolean;
}

export interface SupportContactView {
  kind: 'manager' | 'hr' | 'eap' | 'occupational-physician' | 'other';
  name: string;
  /** How to reach them (phone, room, hours), as plain text. */
  detail?: string;
  /** An https link (chat, booking page); anything else is not shown. */
  url?: string;
}

/** A shared item as a manager or the rep sees it: labelled facts (ours) and labelled texts (the rep's). */
export interface ItemView {
  itemKind: ItemKind;
  itemId: string;
  /** Customer label of a log or the period of a check-in. */
  title: string;
  dateLabel: string;
  facts: readonly { label: string; value: string }[];
  texts: readonly { label: string; text: string }[];
}

export interface WelcomeCardData extends CardBase {
  displayName?: string;
  countInTeamStats: boolean;
  /** k in "shown only when at least k people contribute". */
  k?: number;
  /** The person's time zone, named beside the check-in offer so the time is not misread. */
  timeZone?: string;
  /**
   * Whether scheduled check-ins are already on. When not (every new person), the card offers them: one tap for
   * weekdays at 17:30, or days and time of one's own. Both submit `settings.save` with `form: 'schedule-opt-in'`.
   */
  checkInsOn?: boolean;
}

/** What was wrong with a submission, shown at the top of the form sent back (see `errorSummary`). */
export interface ErrorSummary {
  message: string;
  fields: readonly { path: string; message: string }[];
}

/** Values a log form starts with (editing, or a form sent back with errors). */
export interface LogFormValues {
  customerLabel?: string;
  occurredOn?: LocalDate;
  stage?: SalesStage;
  askedWhy?: boolean;
  reason?: ReasonCategory;
  customerWords?: string;
  discovery?: string;
  nextStepKind?: NextStepKind;
  nextStepNote?: string;
  nextStepDate?: LocalDate;
  feeling?: Feeling;
  learned?: string;
  answerPreference?: AnswerPreference;
  visibility?: Visibility;
}

export interface LogFormCardData extends CardBase {
  /** Set when editing an existing log. */
  logId?: string;
  today: LocalDate;
  defaultVisibility: Visibility;
  /** The rep's standing answer preference: the form starts with it (a choice on the log wins over it). */
  answerPreference?: AnswerPreference | null;
  values?: LogFormValues;
  /** Set when the form comes back after a bad submission, with the person's values in `values`. */
  errors?: ErrorSummary;
}

export interface LogAckCardData extends CardBase {
  logId: string;
  prompt: PromptView | null;
  visibility: Visibility;
}

export interface MyItemView {
  itemKind: ItemKind;
  itemId: string;
  title: string;
  dateLabel: string;
  /** Short line of labels, e.g. stage and reason (ours). */
  summary: string;
  /** The rep's own text, shortened. */
  excerpt?: string;
  visibility: Visibility;
  outcomes: readonly OutcomeKind[];
  /**
   * The stored item could not be read: the row says so in one line (its title is not shown) and offers only
   * withdrawing it.
   */
  unreadable?: boolean;
}

export interface MyItemsCardData extends CardBase {
  /** One page of items, newest first (at most `MY_ITEMS_PAGE_SIZE` are shown). */
  items: readonly MyItemView[];
  total: number;
  /** How many newer items came before this page. */
  offset?: number;
  today: LocalDate;
}

export interface CheckInFormValues {
  answers?: Record<string, string>;
  pressure?: number;
  energy?: number;
  lastPeriodRating?: number;
  onTrack?: number;
  permissionToNotSell?: boolean;
  supportRequested?: boolean;
  answerPreference?: AnswerPreference;
  note?: string;
  visibility?: Visibility;
}

export interface CheckInCardData extends CardBase {
  /** Sent by the schedule at the time the rep chose: one line says so above the questions. */
  scheduled?: boolean;
  /**
   * The one gentle reminder for a scheduled check-in that was not answered: one kind line at the top (no counts,
   * no guilt). Takes precedence over `scheduled`. The form is the same.
   */
  reminder?: boolean;
  cadence: Cadence;
  periodKey: string;
  periodLabel: string;
  prompts: readonly PromptView[];
  defaultVisibility: Visibility;
  answerPreference?: AnswerPreference | null;
  values?: CheckInFormValues;
  errors?: ErrorSummary;
}

export interface CheckInAckCardData extends CardBase {
  checkInId: string;
  visibility: Visibility;
  permissionToNotSell: boolean;
  supportRequested: boolean;
  contacts: readonly SupportContactView[];
}

export interface SupportContactsCardData extends CardBase {
  contacts: readonly SupportContactView[];
}

export interface ManagerNotificationCardData extends CardBase {
  repName: string;
  item: ItemView;
  supportRequested: boolean;
  answerPreference?: AnswerPreference | null;
  suggestions: readonly ReplySuggestionView[];
  draft: string;
  /** null until the manager asked for a tone check of `draft`. */
  toneFindings: readonly ToneFindingView[] | null;
  /** Set once the reply was sent: the card then shows the sent text and no more inputs. */
  sentText?: string;
}

export interface ManagerNotificationWithdrawnCardData extends CardBase {
  itemId: string;
}

export interface InboxItemView {
  itemKind: ItemKind;
  itemId: string;
  repName: string;
  title: string;
  dateLabel: string;
  supportRequested: boolean;
  /** The stored item could not be read: the row says so in one line (its title is not shown), with no button. */
  unreadable?: boolean;
}

export interface ManagerInboxCardData extends CardBase {
  items: readonly InboxItemView[];
  total: number;
}

export interface ReplyReceivedCardData extends CardBase {
  replyId: string;
  managerName: string;
  itemTitle: string;
  sentAtLabel: string;
  text: string;
}

export interface TeamStoryCardData extends CardBase {
  storyId: string;
  /** An anonymous story carries no name at all, so none can leak into the card. */
  author: { anonymous: true } | { anonymous: false; name: string };
  stage: SalesStage;
  reason: ReasonCategory;
  askedWhy: boolean;
  customerWords?: string;
  discovery?: string;
  learned?: string;
}

/**
 * An anonymous share was refused because too few reps in the team could have written the item: why, and the two
 * choices left, sharing it with one's name or keeping it private.
 */
export interface AnonymityRefusedCardData extends CardBase {
  itemKind: ItemKind;
  itemId: string;
  /** Why, in the card's language (core's `error.anonymous.too-few-reps`). */
  reason: string;
  /** The item was just saved, for its author only (a new log whose anonymous share was refused). */
  saved: boolean;
}

export interface TeamStoryWithdrawnCardData extends CardBase {
  storyId: string;
}

export interface DigestCardData extends CardBase {
  teamName: string;
  periodLabel: string;
  k: number;
  participants: FigureView;
  logs: FigureView;
  /** Rates in percent (0-100). */
  askedWhyRate: FigureView;
  discoveryRate: FigureView;
  followUpRate: FigureView;
  outcomes: Readonly<Record<'reopened' | 'won-later' | 'referral' | 'repeat', FigureView>>;
  reasons: readonly { category: ReasonCategory; count: FigureView }[];
  askedWhyTrend: readonly { label: string; rate: FigureView }[];
}

export interface MyTrendsCardData extends CardBase {
  periodLabel: string;
  points: readonly { label: string; pressure: number | null; energy: number | null }[];
  logs: number;
  askedWhyRate: number | null;
  checkIns: number;
  signals: readonly SignalView[];
  managerSees: {
    sharesSignals: boolean;
    items: readonly { itemKind: ItemKind; title: string; dateLabel: string }[];
    total: number;
  };
}

export interface SettingsValues {
  enabled: boolean;
  cadence: Cadence;
  checkInDays: readonly number[];
  checkInTime: LocalTime;
  timeZone: string;
  quietStart?: LocalTime;
  quietEnd?: LocalTime;
  snoozeUntil?: LocalDate;
  awayFrom?: LocalDate;
  awayTo?: LocalDate;
  /** Single days without a check-in (holidays, a training day). */
  skipDates?: readonly LocalDate[];
  /** Hours after an unanswered check-in for the one gentle reminder (1-72); null or missing: no reminder. */
  reminderAfterHours?: number | null;
  defaultVisibility: Visibility;
  answerPreference?: AnswerPreference | null;
  language: Locale | null;
  shareSignalsWithManagers: boolean;
  countInTeamStats: boolean;
}

export interface SettingsCardData extends CardBase {
  values: SettingsValues;
  /** Time zones offered in the picker; the current one is always included. */
  timeZones?: readonly string[];
  errors?: ErrorSummary;
}

export interface ManagerRequestFormCardData extends CardBase {
  candidates: readonly { id: string; name: string }[];
}

export interface ManagerRequestCardData extends CardBase {
  assignmentId: string;
  repName: string;
}

export interface ManagerRequestDecidedCardData extends CardBase {
  assignmentId: string;
  status: 'accepted' | 'declined';
  /** Who sees the card: the rep who asked, or the manager who decided. */
  viewer: 'rep' | 'manager';
  otherName: string;
}

/** The reminder, on the day the rep set, of the next step they wrote in a rejection log. */
export interface NextStepReminderCardData extends CardBase {
  logId: string;
  customerLabel: string;
  nextStepKind: NextStepKind;
  nextStepNote?: string;
  /** The next step's date, written for the card's language (`formatDate`). */
  dateLabel: string;
  /** When the rejection was logged, written for the card's language. */
  loggedOnLabel?: string;
  /** The rep's local date: the "what happened" form's default and latest date. */
  today: LocalDate;
}

export interface ExportCardData extends CardBase {
  url: string;
  expiresAtLabel: string;
}

export interface EraseCardData extends CardBase {
  state: 'confirm' | 'done';
}

export interface ErrorCardData extends CardBase {
  message: string;
  fields: readonly { path: string; message: string }[];
}

export interface HelpCardData extends CardBase {
  /** The person wrote something the bot did not understand: the card says so first. */
  unknownMessage?: boolean;
}

export interface SupportRequestedCardData extends CardBase {
  repName: string;
}
