# Probe events (docs/knowledge/probes.md#events, docs/knowledge/probes.md#wsl-startup "Application log provider WSL", docs/knowledge/error-codes.md#triage-bot-rules, docs/knowledge/host-causes.md#vmware-leftovers HNS events 1000/1013).
# Read-only, no admin for the logs read here (a channel ACL may still deny; that is reported).
#
# Per log: -ListLog first, so a channel that does not exist (VMMS-Admin without the Hyper-V role)
# is available = false instead of an error; then one query for the last $sinceDays days.
# Queries use -LogName + -FilterXPath rather than -FilterHashtable: with a ProviderName key,
# Get-WinEvent first resolves the provider's metadata and log links (slow, and it errors with
# NoMatchingProvidersFound / ProviderMetadataUnavailable / LogsAndProvidersDontOverlap when WSL
# was never installed or its source is broken); an XPath predicate on System/Provider/@Name just
# matches nothing. The time window is the XPath form Event Viewer itself uses (timediff, ms).
# - Application: provider WSL only (WSL's own warnings and errors).
# - System: Service Control Manager failure events for the services WSL depends on (docs/knowledge/probes.md#services). SCM puts
#   the service DISPLAY name in the message and in Properties[0], and display names are localized,
#   so the heuristic keeps an event when any property or the message mentions a service short name
#   (WSLService, LxssManager, hns, vmcompute, SharedAccess, vmms, mpssvc) or an English display
#   name. Binary data (a byte[] property, or the XML <Binary> hex) is read as UTF-16, because SCM
#   records usually carry the service key name there. Up to 300 SCM events are read so unrelated services cannot crowd out the matches.
# - Hyper-V / HNS channels: Critical, Error and Warning only (levels 1, 2, 3).
# Messages: first 2000 characters. A provider without message resources has no message: WSL itself
# registers its source with RegisterEventSource but installs no message file (src/windows/service/
# exe/ServiceMain.cpp; its one message MSG_WARNING is just "%1", mc/wsleventschema.mc), so its
# warning text exists only as the event's data. Then the event's data (Properties, i.e. the XML
# <EventData><Data> values) is returned as the message, one value per line.
# Errors are told apart by FullyQualifiedErrorId and category, never by .GetType() or a type literal
# of System.Diagnostics.Eventing.Reader: both fail in Constrained Language Mode, which this probe
# must survive (AppLocker/WDAC PCs). The XML <Binary> element is read only in Full Language Mode
# (EventLogRecord.ToXml() is a method call CLM forbids); there an SCM event is matched on its
# message and properties alone.

$sinceDays = 7
$maxEvents = 50
$logNames = @('Application', 'Microsoft-Windows-Host-Network-Service-Admin', 'Microsoft-Windows-Host-Network-Service-Operational', 'Microsoft-Windows-Hyper-V-Compute-Admin', 'Microsoft-Windows-Hyper-V-VmSwitch-Operational', 'Microsoft-Windows-Hyper-V-VMMS-Admin', 'System')
$scmIds = @(7000, 7001, 7009, 7011, 7022, 7023, 7024, 7026, 7031, 7034)
$timePredicate = 'TimeCreated[timediff(@SystemTime) <= ' + ([int64]$sinceDays * 86400000) + ']'
$idPredicate = '(' + (@($scmIds | ForEach-Object { 'EventID=' + $_ }) -join ' or ') + ')'
$servicePattern = '(?i)\b(WSLService|LxssManager|hns|vmcompute|SharedAccess|vmms|mpssvc|WSL Service|Host Network Service|Hyper-V Host Compute Service|Internet Connection Sharing|Hyper-V Virtual Machine Management|Windows Defender Firewall)\b'

function Test-WndIsNoEvents {
  # Get-WinEvent reports "nothing matched" as an error with this id; the message is localized.
  param($Record)
  return ([string]$Record.FullyQualifiedErrorId -like 'NoMatchingEventsFound*')
}

function Test-WndMentionsService {
  # Message, then every property (byte[] read as UTF-16), then the event XML's <Binary> element
  # (hex of the UTF-16 service key name on SCM records), in case Properties leaves it out.
  param($EventRecord, [string]$Message)
  if ($Message -match $servicePattern) { return $true }
  foreach ($property in @($EventRecord.Properties)) {
    $value = $property.Value
    $text = [string]$value
    if ($value -is [byte[]]) { $text = ConvertFrom-WndUtf16Bytes -Bytes $value }
    if ($text -match $servicePattern) { return $true }
  }
  if (-not (Test-WndFullLanguage)) { return $false }
  try {
    $xml = [string]$EventRecord.ToXml()
    if ($xml -match '<Binary>([0-9A-Fa-f]+)</Binary>') {
      $hex = $Matches[1]
      $count = ($hex.Length - ($hex.Length % 2)) / 2
      $bytes = [byte[]]::new($count)
      for ($k = 0; $k -lt $count; $k++) { $bytes[$k] = [byte][int]('0x' + $hex.Substring($k * 2, 2)) }
      if ((ConvertFrom-WndUtf16Bytes -Bytes $bytes) -match $servicePattern) { return $true }
    }
  } catch {
    $null = $_
  }
  return $false
}

function Get-WndEventDataText {
  # The event's data values (Properties), one per line: what a message-less event (WSL's) carries.
  param($EventRecord)
  $lines = foreach ($property in @($EventRecord.Properties)) {
    $value = $property.Value
    if ($null -eq $value) { continue }
    if ($value -is [byte[]]) { continue }
    [string]$value
  }
  return (@($lines) -join "`n")
}

function Test-WndIsLogNotFound {
  # A channel that does not exist: -ListLog says NoMatchingLogsFound; a query of a channel that
  # vanished says EventLogNotFoundException (read from the type name, CLM-safe).
  param($Record)
  if ([string]$Record.FullyQualifiedErrorId -like 'NoMatchingLogsFound*') { return $true }
  $typeName = ''
  if ($null -ne $Record.Exception) { $typeName = [string]@($Record.Exception.PSObject.TypeNames)[0] }
  return ($typeName -like '*.EventLogNotFoundException')
}

$logs = @()
foreach ($logName in $logNames) {
  $available = $true
  $readError = $null
  $events = @()
  $exists = $true
  try {
    $null = Get-WinEvent -ListLog $logName -ErrorAction Stop
  } catch {
    $exists = $false
    # Access denied comes as LogInfoUnavailable ("Could not retrieve information about the ... log.
    # Error: Attempted to perform an unauthorized operation.") before NoMatchingLogsFound: an error.
    if (Test-WndIsLogNotFound -Record $_) {
      $available = $false
    } else {
      $readError = $_.Exception.Message
    }
  }
  if ($exists) {
    $limit = $maxEvents
    if ($logName -eq 'Application') {
      $xpath = "*[System[Provider[@Name='WSL'] and $timePredicate]]"
    } elseif ($logName -eq 'System') {
      $xpath = "*[System[Provider[@Name='Service Control Manager'] and $idPredicate and $timePredicate]]"
      $limit = 300
    } else {
      $xpath = "*[System[(Level=1 or Level=2 or Level=3) and $timePredicate]]"
    }
    $records = @()
    try {
      $records = @(Get-WinEvent -LogName $logName -FilterXPath $xpath -MaxEvents $limit -ErrorAction Stop)
    } catch {
      $records = @()
      if (Test-WndIsLogNotFound -Record $_) {
        $available = $false
      } elseif (-not (Test-WndIsNoEvents -Record $_)) {
        $readError = $_.Exception.Message
      }
    }
    foreach ($record in $records) {
      if ($events.Count -ge $maxEvents) { break }
      $message = $null
      try { $message = $record.Message } catch { $message = $null }
      if ($null -eq $message) { $message = '' }
      $message = [string]$message
      if ($message.Trim().Length -eq 0) { $message = Get-WndEventDataText -EventRecord $record }
      if ($logName -eq 'System' -and -not (Test-WndMentionsService -EventRecord $record -Message $message)) { continue }
      if ($message.Length -gt 2000) { $message = $message.Substring(0, 2000) }
      $level = $null
      if ($null -ne $record.Level) { $level = [int]$record.Level }
      $created = ''
      if ($null -ne $record.TimeCreated) { $created = $record.TimeCreated.ToUniversalTime().ToString('o') }
      $events += [ordered]@{
        provider = [string]$record.ProviderName
        id = [int]$record.Id
        level = $level
        timeCreated = $created
        message = $message
      }
    }
  }
  $logs += [ordered]@{
    log = $logName
    available = $available
    error = $readError
    events = @($events)
  }
}

return [ordered]@{
  sinceDays = $sinceDays
  logs = @($logs)
}
