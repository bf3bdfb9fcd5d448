export * from './settingsSheetRows';
export * from './mailSettingsRows';
