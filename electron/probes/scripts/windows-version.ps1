# Probe windows-version (docs/knowledge/probes.md#windows-version, docs/knowledge/wsl-checks.md#windows-builds). Read-only, no admin.
# CurrentBuild + UBR give the version winver shows; InstallationType tells client from server
# (Server 2025 shares build 26100 with Windows 11 24H2).
$key = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
$cv = Get-ItemProperty -Path $key
$ubr = $null
if ($null -ne $cv.UBR) { $ubr = [int]$cv.UBR }
$display = $cv.DisplayVersion
if ($null -eq $display) { $display = $cv.ReleaseId }
return [ordered]@{
  currentBuild = [string]$cv.CurrentBuild
  ubr = $ubr
  displayVersion = $display
  editionId = $cv.EditionID
  installationType = $cv.InstallationType
  productName = $cv.ProductName
  uiCulture = (Get-UICulture).Name
}
