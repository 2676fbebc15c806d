# Pester tests of the prelude's helpers (electron/powershell/prelude.ps1), in the project's real
# PowerShell 7. The Constrained-Language branches are entered by mocking Test-WndFullLanguage, so
# their plain-PowerShell code is checked against .NET's own results here; that the branches really
# run under Constrained Language Mode is shown by the *.pwsh.test.ts suites, which run every
# script in a session that is in that mode.

BeforeAll {
  . (Join-Path $PSScriptRoot 'prelude.ps1')
  $script:samples = @(
    [byte[]]@(),
    [byte[]]@(0),
    [byte[]]@(255, 254),
    [byte[]]@(1, 2, 3),
    [byte[]]@(0, 128, 255, 16, 32),
    [Text.Encoding]::UTF8.GetBytes('networkingMode=mirrored')
  )
  $random = [Random]::new(7)
  $bytes = [byte[]]::new(1000)
  $random.NextBytes($bytes)
  $script:samples += , $bytes
}

Describe 'base64 without .NET (Constrained Language Mode branch)' {
  It 'encodes every sample exactly as [Convert] does' {
    Mock Test-WndFullLanguage { $false }
    foreach ($sample in $script:samples) {
      ConvertTo-WndBase64 -Bytes $sample | Should -BeExactly ([Convert]::ToBase64String($sample))
    }
  }

  It 'decodes every sample back to the same bytes' {
    Mock Test-WndFullLanguage { $false }
    foreach ($sample in $script:samples) {
      $decoded = ConvertFrom-WndBase64 -Text ([Convert]::ToBase64String($sample))
      , $decoded | Should -BeOfType [byte[]]
      [Convert]::ToBase64String($decoded) | Should -BeExactly ([Convert]::ToBase64String($sample))
    }
  }

  It 'refuses text that is not base64, as [Convert] does' {
    Mock Test-WndFullLanguage { $false }
    { ConvertFrom-WndBase64 -Text 'abc' } | Should -Throw
    { ConvertFrom-WndBase64 -Text 'ab!=' } | Should -Throw
  }
}

Describe 'text decoding without .NET' {
  It 'decodes UTF-8 like .NET, including 4-byte characters and malformed bytes' {
    Mock Test-WndFullLanguage { $false }
    $texts = @('plain', ([string][char]0x4E2D + [char]0x6587), ('emoji ' + [char]0xD83D + [char]0xDE00), '')
    foreach ($text in $texts) {
      ConvertFrom-WndUtf8Bytes -Bytes ([Text.Encoding]::UTF8.GetBytes($text)) | Should -BeExactly $text
    }
    $malformed = [byte[]]@(0x61, 0xC3, 0x28, 0x62)
    ConvertFrom-WndUtf8Bytes -Bytes $malformed | Should -BeExactly ([Text.Encoding]::UTF8.GetString($malformed))
  }

  It 'reads wsl.exe output as UTF-16LE without BOM, also when it is all Chinese' {
    # The text WSL prints for Wsl/Service/CreateInstance (zh-CN), as UTF-16LE bytes without BOM.
    $chinese = [string][char]0x65E0 + [char]0x6CD5 + [char]0x521B + [char]0x5EFA + [char]0x7F51 + [char]0x7EDC
    foreach ($full in @($true, $false)) {
      Mock Test-WndFullLanguage { $full }.GetNewClosure()
      $ascii = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes('Ubuntu'))
      ConvertFrom-WndNativeText -Base64 $ascii -Encoding wsl | Should -BeExactly 'Ubuntu'
      $cjk = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($chinese))
      ConvertFrom-WndNativeText -Base64 $cjk -Encoding wsl | Should -BeExactly $chinese
      $utf8 = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('Ubuntu ' + $chinese))
      ConvertFrom-WndNativeText -Base64 $utf8 -Encoding wsl | Should -BeExactly ('Ubuntu ' + $chinese)
      $bom = [Convert]::ToBase64String([byte[]](@(0xFF, 0xFE) + [Text.Encoding]::Unicode.GetBytes('x')))
      ConvertFrom-WndNativeText -Base64 $bom -Encoding wsl | Should -BeExactly 'x'
    }
  }

  It 'keeps the ASCII of OEM output when no code page can be loaded' {
    Mock Test-WndFullLanguage { $false }
    # "The operation completed successfully." is ASCII; the two GBK bytes of a Chinese character are not.
    $bytes = [byte[]](@([Text.Encoding]::ASCII.GetBytes('OK ')) + @(0xD6, 0xD0))
    ConvertFrom-WndNativeText -Base64 ([Convert]::ToBase64String($bytes)) -Encoding oem | Should -BeExactly 'OK ??'
  }
}

Describe 'Get-WndRegistryDword' {
  It 'widens a REG_DWORD read back as a negative Int32 to its unsigned value' {
    Mock Get-ItemProperty { [pscustomobject]@{ DisabledComponents = [int]-1 } }
    Get-WndRegistryDword -Path 'HKLM:\x' -Name 'DisabledComponents' | Should -Be 4294967295
  }

  It 'reads REG_BINARY little-endian and REG_SZ numbers, and gives $null for anything else' {
    Mock Get-ItemProperty { [pscustomobject]@{ V = [byte[]]@(0xFF, 0, 0, 0, 9) } }
    Get-WndRegistryDword -Path 'HKLM:\x' -Name 'V' | Should -Be 255
    Mock Get-ItemProperty { [pscustomobject]@{ V = '0x20' } }
    Get-WndRegistryDword -Path 'HKLM:\x' -Name 'V' | Should -Be 32
    Mock Get-ItemProperty { [pscustomobject]@{ V = 'mirrored' } }
    Get-WndRegistryDword -Path 'HKLM:\x' -Name 'V' | Should -BeNullOrEmpty
    Mock Get-ItemProperty { $null }
    Get-WndRegistryDword -Path 'HKLM:\x' -Name 'V' | Should -BeNullOrEmpty
  }
}

Describe 'ConvertTo-WndArgument' {
  It 'quotes like CommandLineToArgvW reads back' {
    ConvertTo-WndArgument -Value 'plain' | Should -BeExactly 'plain'
    ConvertTo-WndArgument -Value 'two words' | Should -BeExactly '"two words"'
    ConvertTo-WndArgument -Value '' | Should -BeExactly '""'
    ConvertTo-WndArgument -Value 'say "hi"' | Should -BeExactly '"say \"hi\""'
    ConvertTo-WndArgument -Value 'C:\dir with space\' | Should -BeExactly '"C:\dir with space\\"'
  }
}

Describe 'Invoke-WndNative with a real process' {
  BeforeAll {
    $script:sh = '/bin/sh'
    # Start-Process -RedirectStandardOutput hands the file itself to the child on Windows
    # (StartWithCreateProcess in PowerShell's Process.cs: raw bytes). PowerShell 7 elsewhere copies
    # the output as text lines and ends it with a newline, so off Windows the Constrained branch's
    # bytes are compared without that one added newline; the Windows workflow compares them raw.
    function script:Get-Text([string]$Base64, [bool]$Full) {
      $text = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($Base64))
      if (-not $Full -and $IsWindows -ne $true -and $text.EndsWith("`n")) { $text = $text.Substring(0, $text.Length - 1) }
      return $text
    }
  }

  It 'returns exit code and the raw bytes of both streams, in both branches' {
    foreach ($full in @($true, $false)) {
      Mock Test-WndFullLanguage { $full }.GetNewClosure()
      $run = Invoke-WndNative -FilePath $script:sh -Arguments @('-c', 'printf "out\344\270\255"; printf err >&2; exit 3')
      # Off Windows only: PowerShell 7 copies Start-Process's redirected output into the files with
      # async handlers, and a timed wait can return before the copy ends (Process.WaitForExit(int)
      # docs), so the Constrained branch may read the files empty. On Windows the child writes the
      # files itself; the Windows workflow runs this without the retry.
      for ($try = 0; -not $full -and $env:OS -ne 'Windows_NT' -and $try -lt 3 -and $run.stdoutBase64 -eq ''; $try++) {
        $run = Invoke-WndNative -FilePath $script:sh -Arguments @('-c', 'printf "out\344\270\255"; printf err >&2; exit 3')
      }
      $run.exitCode | Should -Be 3
      $run.timedOut | Should -BeFalse
      Get-Text $run.stdoutBase64 $full | Should -BeExactly ('out' + [char]0x4E2D)
      Get-Text $run.stderrBase64 $full | Should -BeExactly 'err'
    }
  }

  It 'passes environment variables to the child only' {
    foreach ($full in @($true, $false)) {
      Mock Test-WndFullLanguage { $full }.GetNewClosure()
      $run = Invoke-WndNative -FilePath $script:sh -Arguments @('-c', 'printf "%s" "$WSL_UTF8"') -Environment @{ WSL_UTF8 = '1' }
      Get-Text $run.stdoutBase64 $full | Should -BeExactly '1'
      $env:WSL_UTF8 | Should -BeNullOrEmpty
    }
  }

  It 'kills a program that outlives its time limit and reports the timeout' {
    foreach ($full in @($true, $false)) {
      Mock Test-WndFullLanguage { $full }.GetNewClosure()
      $started = Get-Date
      $run = Invoke-WndNative -FilePath $script:sh -Arguments @('-c', 'sleep 30') -TimeoutMs 1000
      $run.timedOut | Should -BeTrue
      $run.exitCode | Should -BeNullOrEmpty
      ((Get-Date) - $started).TotalSeconds | Should -BeLessThan 10
    }
  }

  It 'never lets the child read the session''s own input (Full Language branch)' {
    foreach ($full in @($true)) {
      Mock Test-WndFullLanguage { $full }.GetNewClosure()
      $run = Invoke-WndNative -FilePath $script:sh -Arguments @('-c', 'cat; printf done') -TimeoutMs 5000
      $run.timedOut | Should -BeFalse
      [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($run.stdoutBase64)) | Should -BeExactly 'done'
    }
  }
}

Describe 'Invoke-WndNative stdin in Constrained Language Mode' {
  It 'gives the child an empty file as stdin' -Skip:($IsWindows -ne $true) {
    # Skipped off Windows, with reason: PowerShell 7 on Linux copies the stdin file through a pipe
    # instead of handing the file to the child, so the prelude leaves stdin alone there. The
    # Windows workflow runs this test.
    Mock Test-WndFullLanguage { $false }
    $run = Invoke-WndNative -FilePath "$env:SystemRoot\System32\findstr.exe" -Arguments @('x') -TimeoutMs 5000
    $run.timedOut | Should -BeFalse
  }
}

Describe 'Invoke-WndNative ends the whole process tree at its time limit' {
  It 'leaves no child of a timed-out program running, in both branches' -Skip:($env:OS -ne 'Windows_NT') {
    # Skipped off Windows, with reason: taskkill /T exists only there. The Windows workflow runs
    # this in Windows PowerShell 5.1 (its Pester step).
    foreach ($full in @($true, $false)) {
      Mock Test-WndFullLanguage { $full }.GetNewClosure()
      $marker = 'wnd-tree-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
      $cmd = "$env:SystemRoot\System32\cmd.exe"
      $run = Invoke-WndNative -FilePath $cmd -Arguments @('/c', "title $marker & ping -n 60 127.0.0.1 >nul") -TimeoutMs 1500
      $run.timedOut | Should -BeTrue
      Start-Sleep -Milliseconds 500
      @(Get-CimInstance -ClassName Win32_Process -Filter "Name = 'PING.EXE'" | Where-Object { $_.CommandLine -like '*-n 60 127.0.0.1*' }) | Should -HaveCount 0
    }
  }
}

Describe 'Assert-WndFullLanguage' {
  It 'throws the untranslated id the app maps to "restricted by policy"' {
    Mock Test-WndFullLanguage { $false }
    { Assert-WndFullLanguage -What 'writing .wslconfig' } | Should -Throw -ExpectedMessage 'WndNeedsFullLanguage: writing .wslconfig*'
  }

  It 'lets Full Language Mode through' {
    Mock Test-WndFullLanguage { $true }
    { Assert-WndFullLanguage -What 'x' } | Should -Not -Throw
  }
}

Describe 'ConvertFrom-WndFirewallAction' {
  It 'reads Action names and their raw numbers, and guesses nothing else' {
    ConvertFrom-WndFirewallAction -Value 'Block' | Should -BeExactly 'Block'
    ConvertFrom-WndFirewallAction -Value 4 | Should -BeExactly 'Block'
    ConvertFrom-WndFirewallAction -Value '2' | Should -BeExactly 'Allow'
    ConvertFrom-WndFirewallAction -Value 'Allow' | Should -BeExactly 'Allow'
    ConvertFrom-WndFirewallAction -Value 0 | Should -BeExactly 'NotConfigured'
    ConvertFrom-WndFirewallAction -Value 'NotConfigured' | Should -BeExactly 'NotConfigured'
    foreach ($unknown in @($null, '', 1, 'Deny')) {
      $null -eq (ConvertFrom-WndFirewallAction -Value $unknown) | Should -BeTrue
    }
  }
}

Describe 'ConvertFrom-WndBoolean' {
  It 'reads booleans, GpoBoolean names and their raw numbers; NotConfigured and the rest are not set' {
    ConvertFrom-WndBoolean -Value $true | Should -BeExactly $true
    ConvertFrom-WndBoolean -Value 'True' | Should -BeExactly $true
    ConvertFrom-WndBoolean -Value 1 | Should -BeExactly $true
    ConvertFrom-WndBoolean -Value $false | Should -BeExactly $false
    ConvertFrom-WndBoolean -Value 'False' | Should -BeExactly $false
    ConvertFrom-WndBoolean -Value 0 | Should -BeExactly $false
    foreach ($unset in @($null, '', 'NotConfigured', 2, 'yes')) {
      $null -eq (ConvertFrom-WndBoolean -Value $unset) | Should -BeTrue
    }
  }
}
