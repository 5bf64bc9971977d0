import { addressKind, assertRegistrableDestination, DestinationRefusedError, resolveDestination } from './webhook-destination.policy.js';

const answers = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('webhook destinations', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['0.0.0.0', 'reserved'],
    ['::', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['64:ff9b::7f00:1', 'reserved'],
    ['2002:7f00:1::', 'reserved'],
    ['not an address', 'reserved'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['2606:4700::1111', 'public'],
    ['::ffff:8.8.8.8', 'public'],
  ])('classifies %s as %s', (ip, kind) => {
    expect(addressKind(ip)).toBe(kind);
  });

  it('refuses a name when any of its addresses is not public (the client could pick that one)', async () => {
    await expect(resolveDestination('https://crm.example.com/hook', false, answers('8.8.8.8', '10.0.0.7'))).rejects.toThrow(/private address/);
    await expect(resolveDestination('https://crm.example.com/hook', false, answers('2606:4700::1111'))).resolves.toMatchObject({ address: '2606:4700::1111', family: 6 });
  });

  it('checks the addresses at each resolution: a name that rebinds to a private address is refused then', async () => {
    let calls = 0;
    const rebinding = async () => [{ address: calls++ === 0 ? '8.8.8.8' : '169.254.169.254', family: 4 }];
    await expect(resolveDestination('https://rebind.example/hook', false, rebinding)).resolves.toMatchObject({ address: '8.8.8.8' });
    await expect(resolveDestination('https://rebind.example/hook', false, rebinding)).rejects.toBeInstanceOf(DestinationRefusedError);
  });

  it('lets private addresses through only when allowed, and always refuses names that do not resolve', async () => {
    await expect(resolveDestination('http://127.0.0.1:9/hook', true)).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(resolveDestination('http://[::1]:9/hook', false)).rejects.toThrow(/loopback/);
    const nowhere = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expect(resolveDestination('https://nowhere.invalid/', true, nowhere)).rejects.toThrow(/could not be resolved/);
  });

  it('answers registration with a 400 and a stable code, and refuses credentials in the URL', async () => {
    await expect(assertRegistrableDestination('http://169.254.169.254/latest/meta-data', false)).rejects.toMatchObject({ statusCode: 400, code: 'webhook_destination_refused' });
    await expect(assertRegistrableDestination('https://user:pass@crm.example.com/', true, answers('8.8.8.8'))).rejects.toMatchObject({ statusCode: 400, code: 'invalid_input' });
  });
});
