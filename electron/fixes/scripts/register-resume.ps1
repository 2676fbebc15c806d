# Helper register-resume (docs/architecture.md#restart-and-resume). Unelevated, per user:
# HKCU RunOnce runs at this user's next sign-in and is deleted before it runs; the "!" prefix keeps
# the entry until the command has started successfully. HKLM RunOnce would need admin and runs
# before the desktop. The executable path is data (base64 JSON), checked to be an existing .exe.
$exe = [string]$WndInput.exePath
if ($exe -notmatch '^[A-Za-z]:\\[^"<>|*?]+\.exe$' -or -not (Test-Path -LiteralPath $exe -PathType Leaf)) {
  throw "not an installed executable: $exe"
}
$key = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\RunOnce'
if (-not (Test-Path -LiteralPath $key)) { $null = New-Item -Path $key -Force }
$command = '"' + $exe + '" --resume'
Set-ItemProperty -LiteralPath $key -Name '!WslNetworkDoctorResume' -Value $command -Type String
return [ordered]@{
  registered = $true
  command = $command
}
