export * from './check-in-reminder';
export { type CheckInSlot, checkInsDueBetween, dueCheckIns, nextCheckIn, SEARCH_HORIZON_DAYS } from './check-in-slots';
export { DEFAULT_MORNING, deliveryTime } from './delivery-time';
export * from './digest';
export { MAX_WINDOW_DAYS } from './inputs';
export * from './keys';
export * from './next-step-reminder';
export { endOfQuietHours, isInQuietHours, type QuietHours } from './quiet-hours';
