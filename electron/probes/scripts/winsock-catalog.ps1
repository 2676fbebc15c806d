# Probe winsock-catalog (knowledge F.12, C.4 0x8007273d). Read-only, no admin.
# Reads the Winsock catalogs from the registry instead of localized `netsh winsock show catalog`.
#
# Protocol catalog (Protocol_Catalog9\Catalog_Entries64 = 64-bit, Catalog_Entries = 32-bit), value
# PackedCatalogItem (REG_BINARY) = ws2_32's packed catalog item:
#   struct { char LibraryPath[MAX_PATH]; WSAPROTOCOL_INFOW ProtoInfo; }
#   - LibraryPath: the unexpanded provider DLL path, ANSI, NUL-terminated, in a 260-byte area.
#   - WSAPROTOCOL_INFOW starts at 260 (260 is a multiple of 4, the struct's alignment, so there is
#     no padding): dwServiceFlags1..4 (4 x 4 = 16 bytes, offsets 0-15), dwProviderFlags (4, 16-19),
#     ProviderId GUID (16, 20-35), dwCatalogEntryId (4, 36-39), then WSAPROTOCOLCHAIN
#     { int ChainLen; DWORD ChainEntries[7]; } at 40. So ChainLen is the int32 at 260 + 40 = 300.
#   - ChainLen: 0 = layered provider (an LSP itself), 1 = base provider, > 1 = a chain through LSPs.
#   A blob shorter than 304 bytes has no chain length: null.
# Namespace catalog (NameSpace_Catalog5\Catalog_Entries64 / Catalog_Entries), value LibraryPath
# (REG_EXPAND_SZ, expanded by Get-ItemProperty); namespace providers have no chain: null.
# Paths keep their case and are expanded (%SystemRoot% etc.); an entry whose path value is missing
# or malformed is still listed, with providerPath '' (a broken entry is itself a finding).

$base = 'HKLM:\SYSTEM\CurrentControlSet\Services\WinSock2\Parameters'
$sources = @(
  @{ catalog = 'protocol64'; path = "$base\Protocol_Catalog9\Catalog_Entries64"; packed = $true },
  @{ catalog = 'protocol32'; path = "$base\Protocol_Catalog9\Catalog_Entries"; packed = $true },
  @{ catalog = 'namespace64'; path = "$base\NameSpace_Catalog5\Catalog_Entries64"; packed = $false },
  @{ catalog = 'namespace32'; path = "$base\NameSpace_Catalog5\Catalog_Entries"; packed = $false }
)

$entries = @()
foreach ($source in $sources) {
  if (-not (Test-Path -LiteralPath $source.path)) { continue }
  $children = @(Get-ChildItem -LiteralPath $source.path -ErrorAction SilentlyContinue | Sort-Object -Property 'PSChildName')
  foreach ($child in $children) {
    $props = Get-ItemProperty -LiteralPath $child.PSPath -ErrorAction SilentlyContinue
    $providerPath = ''
    $chainLength = $null
    if ($source.packed) {
      $blob = $null
      if ($null -ne $props) { $blob = $props.PackedCatalogItem }
      if ($blob -is [byte[]]) {
        $limit = [Math]::Min(260, $blob.Length)
        $end = [Array]::IndexOf($blob, [byte]0, 0, $limit)
        if ($end -lt 0) { $end = $limit }
        $providerPath = [Text.Encoding]::Default.GetString($blob, 0, $end)
        if ($blob.Length -ge 304) { $chainLength = [BitConverter]::ToInt32($blob, 300) }
      }
    } elseif ($null -ne $props -and $null -ne $props.LibraryPath) {
      $providerPath = [string]$props.LibraryPath
    }
    $entries += [ordered]@{
      catalog = $source.catalog
      providerPath = [Environment]::ExpandEnvironmentVariables($providerPath)
      chainLength = $chainLength
    }
  }
}

return [ordered]@{
  entries = @($entries)
}
