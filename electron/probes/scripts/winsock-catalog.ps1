# Probe winsock-catalog (docs/knowledge/host-causes.md#winsock-lsp, docs/knowledge/error-codes.md#hresult-table 0x8007273d). Read-only, no admin.
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
#
# Constrained Language Mode (no [BitConverter], [Text.Encoding], [Environment]): the chain length is
# assembled from its four little-endian bytes, %VAR% is expanded through the Env: drive, and an
# all-ASCII path (every stock and most third-party providers) is decoded byte by byte. Only a path
# with non-ASCII bytes needs the ANSI code page (ws2_32 converts it with CP_ACP): in Full Language
# Mode through [Text.Encoding]; in Constrained Language Mode the cmdlets decode it, by writing the
# bytes to a temp file and reading it back as ANSI (Get-Content -Encoding Default is the ANSI code
# page in Windows PowerShell 5.1); should that fail, non-ASCII bytes become '?'.

function ConvertFrom-WndAnsiBytes {
  param([byte[]]$Bytes)
  if ($null -eq $Bytes -or $Bytes.Length -eq 0) { return '' }
  $ascii = $true
  foreach ($b in $Bytes) { if ($b -ge 128) { $ascii = $false; break } }
  if ($ascii) { return (-join ($Bytes | ForEach-Object { [char]$_ })) }
  $acp = $null
  $acpText = Get-WndRegistryValue -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\Nls\CodePage' -Name 'ACP'
  if ($null -ne $acpText) { try { $acp = [int]$acpText } catch { $acp = $null } }
  if (Test-WndFullLanguage) {
    try {
      if ($null -ne $acp) { return [Text.Encoding]::GetEncoding($acp).GetString($Bytes) }
      return [Text.Encoding]::Default.GetString($Bytes)
    } catch { $null = $_ }
  } else {
    $temp = Join-Path (Get-WndTempFolder) "wnd-$([guid]::NewGuid().ToString('N')).ansi"
    try {
      if ($PSVersionTable.PSVersion.Major -ge 6) {
        Set-Content -LiteralPath $temp -Value $Bytes -AsByteStream # wnd-gate: allow ps7-only -- branch taken only on PowerShell 6+
        if ($null -ne $acp) { return [string](Get-Content -LiteralPath $temp -Encoding $acp -Raw) }
      } else {
        Set-Content -LiteralPath $temp -Value $Bytes -Encoding Byte
        return [string](Get-Content -LiteralPath $temp -Encoding Default -Raw)
      }
    } catch {
      $null = $_
    } finally {
      Remove-Item -LiteralPath $temp -Force -ErrorAction SilentlyContinue
    }
  }
  return (-join ($Bytes | ForEach-Object { if ($_ -lt 128) { [char]$_ } else { '?' } }))
}

function Expand-WndEnvironmentText {
  # [Environment]::ExpandEnvironmentVariables in plain PowerShell: %NAME% of a defined variable is
  # replaced; an undefined one stays as written and its closing % may open the next name.
  param([string]$Text)
  $out = ''
  $i = 0
  while ($i -lt $Text.Length) {
    $open = $Text.IndexOf('%', $i)
    if ($open -lt 0) { $out += $Text.Substring($i); break }
    $out += $Text.Substring($i, $open - $i)
    $close = $Text.IndexOf('%', $open + 1)
    if ($close -lt 0) { $out += $Text.Substring($open); break }
    $name = $Text.Substring($open + 1, $close - $open - 1)
    $variable = $null
    if ($name.Length -gt 0) { $variable = Get-Item -LiteralPath "Env:$name" -ErrorAction SilentlyContinue }
    if ($null -ne $variable) {
      $out += [string]$variable.Value
      $i = $close + 1
    } else {
      $out += $Text.Substring($open, $close - $open)
      $i = $close
    }
  }
  return $out
}

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
        $limit = 260
        if ($blob.Length -lt $limit) { $limit = $blob.Length }
        $end = 0
        while ($end -lt $limit -and $blob[$end] -ne 0) { $end++ }
        if ($end -gt 0) { $providerPath = ConvertFrom-WndAnsiBytes -Bytes ([byte[]]$blob[0..($end - 1)]) }
        if ($blob.Length -ge 304) {
          $raw = [int64]$blob[300] -bor ([int64]$blob[301] -shl 8) -bor ([int64]$blob[302] -shl 16) -bor ([int64]$blob[303] -shl 24)
          if ($raw -gt 2147483647) { $raw -= 4294967296 }
          $chainLength = [int]$raw
        }
      }
    } elseif ($null -ne $props -and $null -ne $props.LibraryPath) {
      $providerPath = [string]$props.LibraryPath
    }
    $entries += [ordered]@{
      catalog = $source.catalog
      providerPath = Expand-WndEnvironmentText -Text $providerPath
      chainLength = $chainLength
    }
  }
}

return [ordered]@{
  entries = @($entries)
}
