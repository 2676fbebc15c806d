import { describe, expect, it } from 'vitest'
import { pastedWinsockCatalog } from './pasted-outputs-winsock'

const lines = (text: string) => text.split(/\r?\n/)

/** microsoft/WSL#40110 (`netsh winsock show catalog` after `netsh winsock reset`), first entry. */
const WSL_40110 = `Winsock Catalog Provider Entry
------------------------------------------------------
Entry Type:                         Base Service Provider
Description:                        MSAFD Tcpip [TCP/IPv6]
Provider ID:                        {F9EAB0C0-26D4-11D0-BBBF-00AA006C34E4}
Provider Path:                      %SystemRoot%\\system32\\mswsock.dll
Catalog Entry ID:                   1001
Version:                            2
Address Family:                     23
Max Address Length:                 28
Min Address Length:                 28
Socket Type:                        1
Protocol:                           6
Service Flags:                      0x20066
Protocol Chain Length:              1
`

/** moby/moby#27423: two RSVP entries of the same catalog. */
const MOBY_27423 = `Winsock Catalog Provider Entry
------------------------------------------------------
Entry Type:                         Base Service Provider
Description:                        RSVP TCP Service Provider
Provider ID:                        {9D60A9E0-337A-11D0-BD88-0000C082E69A}
Provider Path:                      %SystemRoot%\\system32\\mswsock.dll
Catalog Entry ID:                   1003
Version:                            2
Protocol Chain Length:              1

Winsock Catalog Provider Entry
------------------------------------------------------
Entry Type:                         Base Service Provider
Description:                        RSVP UDPv6 Service Provider
Provider ID:                        {9D60A9E0-337A-11D0-BD88-0000C082E69A}
Provider Path:                      %SystemRoot%\\system32\\mswsock.dll
Catalog Entry ID:                   1004
Version:                            2`

describe('netsh winsock show catalog pasted (issue 11 #3)', () => {
  it('reads each provider path and chain length (#40110, moby#27423)', () => {
    expect(pastedWinsockCatalog(lines(WSL_40110))).toEqual([{ providerPath: '%SystemRoot%\\system32\\mswsock.dll', chainLength: 1 }])
    // The second entry of moby#27423 was cut before its chain length: that stays unknown, not 1.
    expect(pastedWinsockCatalog(lines(MOBY_27423))).toEqual([
      { providerPath: '%SystemRoot%\\system32\\mswsock.dll', chainLength: 1 },
      { providerPath: '%SystemRoot%\\system32\\mswsock.dll', chainLength: null },
    ])
  })

  it('a block without a provider DLL (namespace providers, prose) gives nothing', () => {
    expect(
      pastedWinsockCatalog(
        lines('Winsock Namespace Provider Entry\n------------------------------------------------------\nDescription: Network Location Awareness\nVersion: 2'),
      ),
    ).toBeNull()
    expect(pastedWinsockCatalog(lines('I ran netsh winsock show catalog and saw mswsock.dll'))).toBeNull()
  })
})
