export * from './settingsSheetRows';
