export {
  reviewTone,
  TONE_TEXT_MAX,
  type ToneFinding,
  type ToneReview,
  toneReviewInputSchema,
} from './review-tone';
export { TONE_MESSAGE_GROUPS, type ToneMessageGroup, toneMessages } from './tone-messages';
