# Probe installed-products (docs/knowledge/installed-products.md#what-is-read). Read-only, no admin.
# The installed programs list: the machine's, the 32-bit (WOW6432Node) and the user's Uninstall
# keys, DisplayName / Publisher / DisplayVersion of each subkey and nothing else. Which entries
# matter is decided in TypeScript (shared/probes/known-products.ts), so no product name is here.
# Each key is read on its own: a missing key (no WOW6432Node on 32-bit Windows, no per-user
# programs) is 'missing', a key that cannot be listed is 'unreadable', and the others are still
# read. Subkeys without a DisplayName are not in the programs list (updates, components): skipped.
# At most 600 subkeys per key and 1500 in all are read (docs/knowledge/installed-products.md#the-installed-products-probe);
# a key with more sets truncated.

$perKey = 600
$total = 1500
$uninstall = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall'
$sources = @(
  @{ hive = 'machine'; path = "HKLM:\$uninstall" },
  @{ hive = 'machine32'; path = 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall' },
  @{ hive = 'user'; path = "HKCU:\$uninstall" }
)

function ConvertTo-WndText {
  # A registry value as trimmed text, or $null when absent or empty (REG_SZ arrives as a string;
  # anything else is converted the PowerShell way).
  param($Value)
  if ($null -eq $Value) { return $null }
  $text = ([string]$Value).Trim()
  if ($text.Length -eq 0) { return $null }
  return $text
}

$keys = @()
$programs = @()
$truncated = $false
foreach ($source in $sources) {
  if (-not (Test-Path -LiteralPath $source.path)) {
    $keys += [ordered]@{ hive = $source.hive; status = 'missing' }
    continue
  }
  # One more than the cap tells a key at the cap from a longer one.
  $children = $null
  try {
    $children = @(Get-ChildItem -LiteralPath $source.path -ErrorAction Stop | Select-Object -First ($perKey + 1))
  } catch {
    # A subkey that may not be opened stops the listing: list again past it. Nothing listed at all
    # means the key itself cannot be read.
    $children = @(Get-ChildItem -LiteralPath $source.path -ErrorAction SilentlyContinue | Select-Object -First ($perKey + 1))
    if ($children.Count -eq 0) {
      $keys += [ordered]@{ hive = $source.hive; status = 'unreadable' }
      continue
    }
  }
  $keys += [ordered]@{ hive = $source.hive; status = 'read' }
  if ($children.Count -gt $perKey) {
    $truncated = $true
    $children = @($children | Select-Object -First $perKey)
  }
  foreach ($child in $children) {
    if ($programs.Count -ge $total) { $truncated = $true; break }
    $props = Get-ItemProperty -LiteralPath $child.PSPath -ErrorAction SilentlyContinue
    if ($null -eq $props) { continue }
    $name = ConvertTo-WndText -Value $props.DisplayName
    if ($null -eq $name) { continue }
    $programs += [ordered]@{
      hive = $source.hive
      displayName = $name
      publisher = ConvertTo-WndText -Value $props.Publisher
      displayVersion = ConvertTo-WndText -Value $props.DisplayVersion
    }
  }
}

return [ordered]@{
  keys = @($keys)
  programs = @($programs)
  truncated = $truncated
}
