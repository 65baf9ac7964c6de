import { expect, it } from '@jest/globals';
import { GroupCommit } from '../../../../src/service/store/group-commit.ts';

it('commits the writes of one event-loop turn together, and each caller hears its own outcome only after that commit', async () => {
  const commits: number[][] = [];
  let committed = false;
  const group = new GroupCommit<number, number>(async (writes) => {
    commits.push(writes);
    await new Promise((resolve) => setTimeout(resolve, 10));
    committed = true;
    return writes.map((n) => (n % 2 === 0 ? { value: n * 10 } : { error: new Error(`odd ${n}`) }));
  });
  const heard: string[] = [];
  const outcomes = Promise.allSettled([1, 2, 3, 4].map((n) => group.add(n).then((value) => (heard.push(`${n}: committed ${committed}`), value))));
  expect((await outcomes).map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual(['odd 1', 20, 'odd 3', 40]);
  expect(commits).toEqual([[1, 2, 3, 4]]);
  expect(heard).toEqual(['2: committed true', '4: committed true']);
  // A later turn is a commit of its own.
  await group.add(6);
  expect(commits).toEqual([[1, 2, 3, 4], [6]]);
});

it('fails every write of a batch whose commit fails, and leaves the next batch alone', async () => {
  let fail = true;
  const group = new GroupCommit<string, string>((writes) => {
    if (fail) throw new Error('disk full');
    return writes.map((value) => ({ value }));
  });
  const first = await Promise.allSettled([group.add('a'), group.add('b')]);
  expect(first.map((o) => o.status === 'rejected' && (o.reason as Error).message)).toEqual(['disk full', 'disk full']);
  fail = false;
  await expect(group.add('c')).resolves.toBe('c');
});

it('holds at most 256 writes in one commit, and drains what is queued on demand', async () => {
  const sizes: number[] = [];
  const group = new GroupCommit<number, number>((writes) => (sizes.push(writes.length), writes.map((value) => ({ value }))));
  const all = Array.from({ length: 300 }, (_, i) => group.add(i));
  await group.drain();
  expect(sizes).toEqual([256, 44]);
  expect(await Promise.all(all)).toHaveLength(300);
});
