# Helper boot-time (docs/knowledge/fixes.md#the-fix-ladder, docs/architecture.md#restart-and-resume). Read-only, no
# admin. Not a fix: the app records LastBootUpTime before asking for a restart and compares it
# after resuming, to know that Windows really restarted.
$os = Get-CimInstance -ClassName Win32_OperatingSystem
return [ordered]@{
  lastBootUpTime = $os.LastBootUpTime.ToUniversalTime().ToString('o')
}
