export * from '../fixtures/card-fixtures';
export * from './card-page';
export * from './chromium';
export * from './japanese-voice';
export * from './truncation';
