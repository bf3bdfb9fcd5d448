// Ribbon commands. They run in the shared runtime (taskpane.html), beside the functions and the
// pane. The one button of part 1, "Customer statements", opens the pane through the manifest's
// ShowTaskpane action and needs no code; commands that run code (ExecuteFunction) are associated
// here with Office.actions.associate once Office is ready.

/** The ExecuteFunction commands of the manifest, by action id (none yet). */
export const COMMANDS: Record<string, (event: Office.AddinCommands.Event) => void> = {};

Office.onReady(() => {
  for (const [id, run] of Object.entries(COMMANDS)) Office.actions.associate(id, run);
});
