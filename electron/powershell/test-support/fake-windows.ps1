# TEST SUPPORT (never shipped, never composed into a product script): fakes Windows at its edges so
# the real probe and fix scripts run under PowerShell 7 on Linux. pwsh-harness.ts composes this
# AFTER the real prelude and BEFORE the script body, with $WndFake set to the case's recorded
# Windows (a JSON fixture whose outputs are copied from Microsoft's documentation or public issue
# logs, cited in the fixture). Written for Constrained Language Mode too, because the product
# scripts are run in both modes.
#
# Each name under $WndFake.commands becomes a function that shadows the cmdlet (or the prelude's
# Invoke-WndNative wrapper) of that name. A call is matched against the rules in order: every key
# of a rule's `match` must equal the bound argument (case-insensitive; a value with * or ? is a
# -like pattern; the key '_args' matches the joined -Arguments of Invoke-WndNative). The first rule
# that matches returns its `result` (arrays are written to the pipeline item by item) or raises
# its `throw` as an error with that FullyQualifiedErrorId. A call no rule matches fails loudly,
# unless the rule list has `passThrough` (then the real cmdlet runs: for real files).
# Every call is appended to $global:WndFakeCalls (name + arguments) so tests can check them.

$global:WndFakeCalls = @()

function ConvertFrom-WndFakeValue {
  # Typed values JSON cannot express: {"$int32": n}, {"$int64": n}, {"$uint32": n} (as Windows'
  # REG_DWORD arrives: a signed Int32), {"$bytes": base64}, {"$strings": [..]}, {"$datetime": iso}.
  param($Value)
  if ($null -eq $Value) { return $null }
  if ($Value -is [array]) { return ,@($Value | ForEach-Object { ConvertFrom-WndFakeValue -Value $_ }) }
  if ($Value -isnot [System.Management.Automation.PSCustomObject]) { return $Value }
  $names = @($Value.PSObject.Properties | ForEach-Object { $_.Name })
  if ($names.Count -eq 1) {
    $tag = $names[0]
    $inner = $Value.$tag
    switch -CaseSensitive ($tag) {
      '$int32' { return [int]$inner }
      '$int64' { return [long]$inner }
      '$uint32' {
        $n = [long]$inner
        if ($n -gt 2147483647) { $n = $n - 4294967296 }
        return [int]$n
      }
      '$bytes' { return ,(ConvertFrom-WndBase64 -Text ([string]$inner)) }
      '$strings' { return ,([string[]]@($inner)) }
      '$datetime' { return [datetime]$inner }
    }
  }
  foreach ($name in $names) {
    $Value.$name = ConvertFrom-WndFakeValue -Value $Value.$name
  }
  return $Value
}

function ConvertTo-WndFakeArguments {
  # $args of a simple function -> @{ name = value } (switches: $true) and positional values.
  param([object[]]$Tokens)
  $named = @{}
  $positional = @()
  $i = 0
  while ($i -lt $Tokens.Count) {
    $token = $Tokens[$i]
    if ($token -is [string] -and $token -match '^-[A-Za-z][A-Za-z0-9]*:?$') {
      $name = $token.TrimStart('-').TrimEnd(':')
      $next = $null
      $hasValue = ($i + 1 -lt $Tokens.Count) -and -not ($Tokens[$i + 1] -is [string] -and $Tokens[$i + 1] -match '^-[A-Za-z][A-Za-z0-9]*:?$')
      if ($token.EndsWith(':') -or $hasValue) {
        $next = $Tokens[$i + 1]
        $i += 2
      } else {
        $next = $true
        $i += 1
      }
      $named[$name] = $next
    } else {
      $positional += , $token
      $i += 1
    }
  }
  return @{ named = $named; positional = $positional }
}

function Test-WndFakeMatch {
  param($Rule, [hashtable]$Named, [object[]]$Positional)
  if ($null -eq $Rule.match) { return $true }
  foreach ($property in $Rule.match.PSObject.Properties) {
    $want = [string]$property.Value
    $have = $null
    if ($property.Name -eq '_args') {
      $have = (@($Named['Arguments']) -join ' ')
    } elseif ($property.Name -eq '_positional0') {
      if ($Positional.Count -gt 0) { $have = [string]$Positional[0] }
    } elseif ($Named.ContainsKey($property.Name)) {
      $have = (@($Named[$property.Name]) -join ' ')
    }
    if ($null -eq $have) { return $false }
    if ($want.Contains('*') -or $want.Contains('?')) {
      if (-not ($have -like $want)) { return $false }
    } elseif ($have -ne $want) {
      return $false
    }
  }
  return $true
}

function Invoke-WndFakeCommand {
  param([string]$Name, [object[]]$Tokens)
  $parsed = ConvertTo-WndFakeArguments -Tokens $Tokens
  $named = $parsed.named
  $record = [ordered]@{ name = $Name; arguments = $named; positional = $parsed.positional }
  $global:WndFakeCalls += , $record
  $rules = $WndFake.commands.$Name
  foreach ($rule in @($rules.rules)) {
    if (-not (Test-WndFakeMatch -Rule $rule -Named $named -Positional $parsed.positional)) { continue }
    if ($null -ne $rule.throw) {
      $quiet = @('SilentlyContinue', 'Ignore') -contains [string]$named['ErrorAction']
      if ($quiet) { return }
      $category = 'NotSpecified'
      if ($null -ne $rule.throw.category) { $category = [string]$rule.throw.category }
      Write-Error -Message ([string]$rule.throw.message) -ErrorId ([string]$rule.throw.errorId) -Category $category -ErrorAction Stop
    }
    $result = ConvertFrom-WndFakeValue -Value $rule.result
    foreach ($item in @($result)) { $item }
    return
  }
  if ($rules.passThrough -eq $true) { return 'pass-through' }
  throw "FAKE WINDOWS: no recorded answer for $Name $(($Tokens | ForEach-Object { [string]$_ }) -join ' ')"
}

foreach ($fakeName in @($WndFake.commands.PSObject.Properties | ForEach-Object { $_.Name })) {
  Set-Item -LiteralPath "Function:$fakeName" -Value {
    $answer = @(Invoke-WndFakeCommand -Name $MyInvocation.MyCommand.Name -Tokens $args)
    if ($answer.Count -eq 1 -and $answer[0] -is [string] -and $answer[0] -ceq 'pass-through') {
      $module = 'Microsoft.PowerShell.Management'
      $real = Get-Command -Name $MyInvocation.MyCommand.Name -CommandType Cmdlet -ErrorAction SilentlyContinue | Select-Object -First 1
      if ($null -eq $real) { throw "FAKE WINDOWS: no real $($MyInvocation.MyCommand.Name) to pass through to" }
      $qualified = "$($real.ModuleName)\$($real.Name)"
      if ([string]::IsNullOrEmpty($real.ModuleName)) { $qualified = "$module\$($real.Name)" }
      & $qualified @args
      return
    }
    foreach ($item in $answer) { $item }
  }
}
