import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenedFile } from '../renderer/platform/platform.ts';
import { createOpenFileQueue, scenarioPathsFromArgv } from './external-open.ts';

describe('scenarioPathsFromArgv', () => {
  const cwd = path.resolve('/home/ana/plans');

  it('takes scenario files from a packaged launch, resolved against the working directory', () => {
    expect(scenarioPathsFromArgv(['/opt/Costcast/costcast', 'fy27.json', '/tmp/other.COSTCAST'], cwd)).toEqual([
      path.join(cwd, 'fy27.json'),
      path.resolve('/tmp/other.COSTCAST'),
    ]);
  });

  it('skips the app folder of `electron .`, flags and other files', () => {
    const argv = ['/usr/lib/electron', '.', '--inspect=0', '--remote-debugging-port=0', '--flag=x.json', 'notes.txt', 'plan.json'];
    expect(scenarioPathsFromArgv(argv, cwd)).toEqual([path.join(cwd, 'plan.json')]);
  });

  it('finds nothing in a bare launch', () => {
    expect(scenarioPathsFromArgv(['/opt/Costcast/costcast'], cwd)).toEqual([]);
  });
});

describe('open-file queue', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  function setup(read: (file: string) => Promise<OpenedFile>) {
    const delivered: OpenedFile[] = [];
    const reported: string[] = [];
    const queue = createOpenFileQueue({ read, deliver: (file) => delivered.push(file), report: (message) => reported.push(message) });
    return { queue, delivered, reported };
  }
  const readFake = async (file: string): Promise<OpenedFile> => ({ name: path.basename(file), path: file, text: '{}' });

  it('holds files until the page is ready, then delivers them', async () => {
    const { queue, delivered } = setup(readFake);
    queue.request('/a.json');
    await settle();
    expect(delivered).toEqual([]);
    queue.ready();
    await settle();
    expect(delivered.map((file) => file.path)).toEqual(['/a.json']);
    queue.request('/b.json');
    await settle();
    expect(delivered.map((file) => file.path)).toEqual(['/a.json', '/b.json']);
  });

  it('holds again while the page reloads and delivers each file once', async () => {
    const { queue, delivered } = setup(readFake);
    queue.ready();
    queue.reset();
    queue.request('/c.json');
    await settle();
    expect(delivered).toEqual([]);
    queue.ready();
    queue.ready();
    await settle();
    expect(delivered.map((file) => file.path)).toEqual(['/c.json']);
  });

  it('reports files it cannot read', async () => {
    const { queue, reported, delivered } = setup(async () => {
      throw new Error('"gone.json" was not found.');
    });
    queue.ready();
    queue.request('/gone.json');
    await settle();
    expect(reported).toEqual(['"gone.json" was not found.']);
    expect(delivered).toEqual([]);
  });
});
