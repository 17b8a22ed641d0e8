import { COMMANDS } from './commands.ts';

const HELP = `anxun — 安巡 隐患排查整治闭环管理 command line

Usage: npx anxun <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`)
  .join('\n')}

Run "npx anxun <command> --help" for a command's options.
Configuration comes from the environment (DATABASE_URL, DATA_DIR, PORT, …; see README).`;

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!name || name === '--help' || name === '-h') {
  console.log(HELP);
} else if (!command) {
  console.error(`未知命令 Unknown command: ${name}\n\n${HELP}`);
  process.exitCode = 2;
} else if (args.includes('--help') || args.includes('-h')) {
  console.log(`Usage: npx anxun ${name} ${command.usage}\n\n${command.summary}\n\n${command.help}`);
} else {
  try {
    await command.run(args);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
