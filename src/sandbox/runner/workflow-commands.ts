/** A workflow command a step printed, such as `::error file=a.yml,line=3::message`. */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

const COMMAND = /^::([a-zA-Z-]+)(?: ([^:]*))?::(.*)$/;

// The escapes @actions/core applies to command data and property values.
function unescape(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const match = COMMAND.exec(line);
  if (!match) return undefined;
  const [, command, props, message] = match;
  const properties: Record<string, string> = {};
  for (const pair of (props ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq > 0) properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
  }
  return { command: command!, properties, message: unescape(message ?? '') };
}
