// `npm start` lands here (through scripts/start.mjs, which builds the web app first).
import { EnvError, loadEnv } from './env.js';
import { startServer } from './start-server.js';

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const started = Date.now();
  const server = await startServer(env);
  const lines: string[] = [];
  lines.push('', `chuangkou 窗口 is running at ${server.url}  (database: ${server.ctx.database.kind}${env.DATABASE_URL ? '' : `, ${env.DATA_DIR}`}; ready in ${Date.now() - started} ms)`);
  if (server.admin.created) {
    lines.push('', `  Admin account created — username: admin  password: ${server.admin.generated ? server.admin.password : '(from ADMIN_PASSWORD)'}`);
    if (server.admin.generated) lines.push('  This password is shown only once. Sign in and change it (右上角 → 修改密码).');
  }
  if (server.demo) {
    lines.push('', '  Demo hall 示范政务服务大厅 seeded. Accounts (passwords shown only once):');
    for (const p of server.demo.people) lines.push(`    ${p.role.padEnd(9)} ${p.username.padEnd(10)} ${p.password}   ${p.name}`);
    lines.push('  Device tokens (shown only once; devices send them as "Authorization: Bearer <token>"):');
    for (const d of server.demo.devices) lines.push(`    ${d.kind.padEnd(9)} ${d.name}: ${d.token}`);
    const token = (kind: string) => server.demo!.devices.find((d) => d.kind === kind)?.token ?? '';
    lines.push('', '  Open on the hall\'s screens (the token is remembered by the browser, then removed from the address):',
      `    Kiosk 取号机:        ${server.url}/kiosk?token=${token('kiosk')}`,
      `    Display board 叫号屏: ${server.url}/board?token=${token('display')}`,
      `    Staff console 窗口工作台: ${server.url}/console  (sign in as staff1 … staff4)`);
  }
  lines.push('', `  Sign in:   ${server.url}/login`, `  Admin:     ${server.url}/admin`, `  API docs:  ${server.url}/api/v1/openapi.json`, '');
  console.log(lines.join('\n'));

  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    console.log(`${signal}: finishing requests and closing…`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server.stop().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
