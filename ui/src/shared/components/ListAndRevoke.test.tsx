import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListAndRevoke, OneTimeSecret } from './ListAndRevoke';

type Row = { id: string; name: string; open: boolean };
const rows: Row[] = [{ id: 'a', name: 'Alpha', open: true }, { id: 'b', name: 'Beta', open: false }];
const ids = { table: 't', row: 'r', revoke: 'x', errors: 'e' };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ListAndRevoke', () => {
  it('says so while there is nothing, and nothing while the list loads', () => {
    const { rerender } = render(<ListAndRevoke items={undefined} columns={[{ header: 'Name', cell: (r: Row) => r.name }]} empty="None." testIds={ids} confirm={() => ''} revoke={async () => []} />);
    expect(screen.queryByText('None.')).toBeNull();
    rerender(<ListAndRevoke items={[]} columns={[{ header: 'Name', cell: (r: Row) => r.name }]} empty="None." testIds={ids} confirm={() => ''} revoke={async () => []} />);
    expect(screen.getByText('None.')).toBeTruthy();
  });

  it('offers revoke where allowed, asks first, and shows a refusal above the list', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    const revoke = vi.fn(async () => [{ code: 'FORBIDDEN' as const, field: null, message: 'Not yours' }]);
    render(<ListAndRevoke items={rows} columns={[{ header: 'Name', cell: (r: Row) => r.name }]} empty="None." testIds={ids}
      canRevoke={(r) => r.open} confirm={(r) => `Revoke ${r.name}?`} revoke={revoke} />);
    expect(screen.getAllByTestId('r')).toHaveLength(2);
    expect(screen.getAllByTestId('x')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('x'));
    expect(confirm).toHaveBeenCalledWith('Revoke Alpha?');
    await waitFor(() => expect(screen.getByTestId('e').textContent).toContain('Not yours'));
    expect(revoke).toHaveBeenCalledWith(rows[0]);
  });

  it('sends nothing when the person does not confirm', () => {
    vi.stubGlobal('confirm', vi.fn(() => false));
    const revoke = vi.fn(async () => []);
    render(<ListAndRevoke items={rows} columns={[{ header: 'Name', cell: (r: Row) => r.name }]} empty="None." testIds={ids} confirm={() => '?'} revoke={revoke} />);
    fireEvent.click(screen.getAllByTestId('x')[0]);
    expect(revoke).not.toHaveBeenCalled();
  });
});

describe('OneTimeSecret', () => {
  it('shows the secret until Done', () => {
    const done = vi.fn();
    render(<OneTimeSecret value="lls_secret" onDone={done} testId="s">Copy it now.</OneTimeSecret>);
    expect(screen.getByTestId('s').textContent).toContain('lls_secret');
    fireEvent.click(screen.getByText('Done'));
    expect(done).toHaveBeenCalledOnce();
  });
});
