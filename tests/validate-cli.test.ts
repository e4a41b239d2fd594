import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { channelRow, CHANNEL_HEADER, TODAY, writeDataset } from './helpers/dataset.ts';

function validate(files: Record<string, string>, ...args: string[]) {
  const { dataDir, contentDir } = writeDataset(files);
  const run = spawnSync(process.execPath, ['scripts/validate.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, CONTENT_DIR: contentDir, REGISTRY_TODAY: TODAY },
  });
  return { ...run, dataDir };
}

const good = `${CHANNEL_HEADER}\n${channelRow({ id: 'a', name: '荣成公安' })}\n`;
const bad = `${CHANNEL_HEADER}\n${channelRow({ id: 'a', name: '荣成公安', platform: 'myspace' })}\n${channelRow({ id: 'b', name: '' })}\n`;

describe('npm run validate', () => {
  it('exits 0 and says so on a clean dataset', () => {
    const run = validate({ 'data/channels/x.csv': good });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/validation passed: 0 errors, 0 warnings in 2 rows/);
  });

  it('prints every problem as path:line:col: error CODE message, then a summary, and exits 1', () => {
    const run = validate({ 'data/channels/x.csv': bad });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/data\/channels\/x\.csv:2:\d+: error ENUM platform: "myspace"/);
    expect(lines[1]).toMatch(/data\/channels\/x\.csv:3:3: error REQUIRED name is required but empty/);
    expect(run.stderr).toMatch(/validation failed: 2 errors, 0 warnings/);
  });

  it('prints GitHub annotations with --format github', () => {
    const run = validate({ 'data/channels/x.csv': bad }, '--format', 'github');
    expect(run.stdout.split('\n')[0]).toMatch(/^::error file=.*x\.csv,line=2,col=\d+,title=ENUM::platform: "myspace" is not a platform/);
  });

  it('prints machine-readable JSON with --format json', () => {
    const run = validate({ 'data/channels/x.csv': bad }, '--format', 'json');
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ errors: 2, warnings: 0, today: TODAY });
    expect(report.diagnostics.map((d: { code: string; line: number }) => `${d.code}@${d.line}`)).toEqual(['ENUM@2', 'REQUIRED@3']);
  });
});

describe('npm run build', () => {
  it('refuses to build a dataset with errors', () => {
    const { dataDir, contentDir } = writeDataset({ 'data/channels/x.csv': bad });
    const run = spawnSync('npm', ['run', '-s', 'build'], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, CONTENT_DIR: contentDir, REGISTRY_TODAY: TODAY, OUT_DIR: `${dataDir}/../site` },
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/ENUM/);
    expect(run.stdout + run.stderr).not.toMatch(/Complete!/);
  });
});
