<#
.SYNOPSIS
  Builds the Vermerk Windows installer (per machine, silent-capable .msi) on a Windows build host.

.DESCRIPTION
  Mirrors packaging/build-packages (Linux) for Windows; see docs/admin/installing.md and ADR 0012.
    1. mvnw.cmd builds the runtime class path (packaging\target\runtime: jars + classpath list);
       Maven resolves the JavaFX jars for Windows (javafx-*-win.jar) by itself on Windows.
    2. jdeps finds the needed JDK modules; jlink makes the runtime with them, the JavaFX modules and
       German/English locale data. The JavaFX DLLs are taken out of the JavaFX jars and put into the
       image (bin\javafx, where JavaFX looks first when run from an image, and bin): nothing is
       unpacked into the user's profile at start.
    3. With -JarKeystore, every application jar is signed with jarsigner.
    4. jpackage (needs WiX Toolset 3.14 or 5/6 on PATH) makes the MSI: per machine
       (C:\Program Files\Vermerk), a Start menu entry, and an upgrade code that stays the same
       across versions. The policy is IT's: it places %ProgramData%\Vermerk\policy.json itself
       (docs/admin/policy.md, folder ACL included); the MSI neither writes nor removes it.
    5. With -SignCertificate, the MSI is Authenticode-signed with signtool (or sign it on a Linux
       host with osslsigncode, see docs/admin/installing.md).

  Not run in this project's CI (it has no Windows host): run it on the Windows build host.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File packaging\windows\build-msi.ps1
  powershell -File packaging\windows\build-msi.ps1 -JarKeystore C:\keys\jar.p12 -SignCertificate C:\keys\authenticode.pfx
  (passwords: $env:VERMERK_JAR_KEYSTORE_PASSWORD and $env:VERMERK_SIGN_PASSWORD)
#>
param(
    [string] $JarKeystore = $env:VERMERK_JAR_KEYSTORE,
    [string] $JarKeyAlias = $(if ($env:VERMERK_JAR_KEY_ALIAS) { $env:VERMERK_JAR_KEY_ALIAS } else { 'vermerk' }),
    [string] $SignCertificate = $env:VERMERK_SIGN_CERTIFICATE,
    [string] $TimestampUrl = $(if ($env:VERMERK_TSA_URL) { $env:VERMERK_TSA_URL } else { 'http://timestamp.digicert.com' }),
    [switch] $SkipBuild
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$packaging = Split-Path -Parent $PSScriptRoot
$root = Split-Path -Parent $packaging
$target = Join-Path $packaging 'target'
$runtimeLib = Join-Path $target 'runtime\lib'
$work = Join-Path $target 'package-work-windows'
# A fixed upgrade code: Windows Installer replaces an older Vermerk with a newer one because of it.
$upgradeCode = '6f1e3c52-8a4b-4d7e-9c0a-5b2d7e8f9a10'

function Fail([string] $message) { Write-Error "build-msi: $message"; exit 1 }
function Step([string] $message) { Write-Host "build-msi: $message" }
function Invoke-Checked([string] $exe, [string[]] $arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { Fail "$exe failed with exit code $LASTEXITCODE" }
}

if (-not $env:JAVA_HOME -or -not (Test-Path (Join-Path $env:JAVA_HOME 'bin\jpackage.exe'))) {
    Fail 'JAVA_HOME must name a JDK 25 with jlink and jpackage'
}
$jdk = Join-Path $env:JAVA_HOME 'bin'
if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue) -and -not (Get-Command wix.exe -ErrorAction SilentlyContinue)) {
    Fail 'jpackage needs the WiX Toolset on PATH (candle.exe/light.exe 3.14, or wix.exe 5 or 6)'
}

if (-not $SkipBuild) {
    Step 'building the runtime class path (mvnw.cmd -pl packaging -am package) ...'
    Push-Location $root
    try { Invoke-Checked (Join-Path $root 'mvnw.cmd') @('-q', '-DskipTests', '-pl', 'packaging', '-am', 'package') }
    finally { Pop-Location }
}
$classPathFile = Join-Path $target 'runtime\classpath'
if (-not (Test-Path $classPathFile)) { Fail "no ${classPathFile}: build first" }

Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
$inputDir = New-Item -ItemType Directory -Force (Join-Path $work 'input')
$javafxDir = New-Item -ItemType Directory -Force (Join-Path $work 'javafx')
$natives = New-Item -ItemType Directory -Force (Join-Path $work 'natives')
Add-Type -AssemblyName System.IO.Compression.FileSystem

$jars = (Get-Content $classPathFile -Raw).Trim().Split(';') | ForEach-Object { Split-Path -Leaf $_ }
$mainJar = (Get-ChildItem $runtimeLib -Filter 'vermerk-packaging-*.jar' | Select-Object -First 1).Name
if (-not $mainJar) { Fail "no vermerk-packaging jar in $runtimeLib" }
$jars += $mainJar
$version = ($mainJar -replace '^vermerk-packaging-', '' -replace '\.jar$', '') -replace '-.*$', ''

$javafxModules = @()
foreach ($jar in $jars) {
    $source = Join-Path $runtimeLib $jar
    if (-not (Test-Path $source)) { Fail "$jar is on the class path but not in ${runtimeLib}: rebuild" }
    if ($jar -match '^(javafx-[a-z]+)-.*-win\.jar$') {
        $javafxModules += ($Matches[1] -replace '-', '.')
        $copy = Join-Path $javafxDir $jar
        Copy-Item $source $copy
        # Move the DLLs out of the module jar: into the image, not into the user's profile at start.
        $zip = [System.IO.Compression.ZipFile]::Open($copy, 'Update')
        try {
            foreach ($entry in @($zip.Entries | Where-Object { $_.FullName -like '*.dll' })) {
                [System.IO.Compression.ZipFileExtensions]::ExtractToFile($entry, (Join-Path $natives $entry.Name), $true)
                $entry.Delete()
            }
        } finally { $zip.Dispose() }
    } elseif ($jar -like 'javafx-*.jar') {
        # the platform-neutral JavaFX jars are empty placeholders
    } else {
        Copy-Item $source (Join-Path $inputDir $jar)
    }
}
if ($javafxModules.Count -eq 0) { Fail 'no JavaFX jars for Windows on the class path (javafx-*-win.jar)' }
# The SQLite drivers carry native libraries for every platform; keep Windows x86-64's.
foreach ($jar in Get-ChildItem $inputDir -Filter 'sqlite-jdbc-*.jar') {
    $zip = [System.IO.Compression.ZipFile]::Open($jar.FullName, 'Update')
    try {
        @($zip.Entries | Where-Object {
            $_.FullName -like 'org/sqlite/native/*' -and $_.Name -and $_.FullName -notlike 'org/sqlite/native/Windows/x86_64/*'
        }) | ForEach-Object { $_.Delete() }
    } finally { $zip.Dispose() }
}

Step 'finding the needed JDK modules (jdeps) ...'
$jdepsDir = New-Item -ItemType Directory -Force (Join-Path $work 'jdeps')
foreach ($jar in Get-ChildItem $inputDir -Filter '*.jar') {
    $copy = Join-Path $jdepsDir $jar.Name
    Copy-Item $jar.FullName $copy
    $zip = [System.IO.Compression.ZipFile]::Open($copy, 'Update')
    try { @($zip.Entries | Where-Object { $_.FullName -like '*module-info.class' }) | ForEach-Object { $_.Delete() } }
    finally { $zip.Dispose() }
}
$jdepsJars = @(Get-ChildItem $jdepsDir -Filter '*.jar' | ForEach-Object { $_.FullName })
$jdkModules = & (Join-Path $jdk 'jdeps.exe') --print-module-deps --ignore-missing-deps --multi-release 25 `
    --class-path ((Join-Path $jdepsDir '*')) @jdepsJars
if ($LASTEXITCODE -ne 0) { Fail 'jdeps failed' }
$modules = "$($jdkModules.Trim()),jdk.localedata,jdk.crypto.cryptoki,jdk.crypto.mscapi," + ($javafxModules -join ',')
Step "runtime modules: $modules"

Step 'linking the runtime (jlink) ...'
$runtime = Join-Path $work 'runtime'
Invoke-Checked (Join-Path $jdk 'jlink.exe') @('--module-path', $javafxDir, '--add-modules', $modules,
    '--include-locales=de,en', '--strip-debug', '--no-header-files', '--no-man-pages', '--compress=zip-6',
    '--output', $runtime)
$fxBin = New-Item -ItemType Directory -Force (Join-Path $runtime 'bin\javafx')
Copy-Item (Join-Path $natives '*.dll') $fxBin
Copy-Item (Join-Path $natives '*.dll') (Join-Path $runtime 'bin')

if ($JarKeystore) {
    if (-not $env:VERMERK_JAR_KEYSTORE_PASSWORD) { Fail 'set VERMERK_JAR_KEYSTORE_PASSWORD for -JarKeystore' }
    Step "signing the jars (jarsigner, alias $JarKeyAlias) ..."
    foreach ($jar in Get-ChildItem $inputDir -Filter '*.jar') {
        Invoke-Checked (Join-Path $jdk 'jarsigner.exe') @('-keystore', $JarKeystore, '-storetype', 'PKCS12',
            '-storepass:env', 'VERMERK_JAR_KEYSTORE_PASSWORD', '-sigfile', 'VERMERK', '-tsa', $TimestampUrl,
            $jar.FullName, $JarKeyAlias)
    }
}

Step 'making the MSI (jpackage + WiX) ...'
$out = Join-Path $work 'out'
# Two launchers: Vermerk.exe (the desktop client, no console window) and vermerkc.exe (the same
# command with a console, for `vermerkc policy check` and IT's scripts).
$cliLauncher = Join-Path $work 'vermerkc.properties'
Set-Content -Path $cliLauncher -Encoding ASCII -Value "win-console=true`r`n"
Invoke-Checked (Join-Path $jdk 'jpackage.exe') @('--type', 'msi', '--name', 'Vermerk', '--app-version', $version,
    '--vendor', 'Vermerk', '--description', 'Vermerk: end-to-end encrypted messenger for public administration',
    '--runtime-image', $runtime, '--input', $inputDir, '--main-jar', $mainJar,
    '--main-class', 'org.vermerk.packaging.VermerkCommand', '--java-options', '--enable-native-access=ALL-UNNAMED,javafx.graphics',
    '--win-per-user-install:false', '--win-dir-chooser:false', '--win-menu', '--win-menu-group', 'Vermerk',
    '--add-launcher', "vermerkc=$cliLauncher", '--win-upgrade-uuid', $upgradeCode, '--dest', $out)
$msi = Get-ChildItem $out -Filter '*.msi' | Select-Object -First 1
if (-not $msi) { Fail 'jpackage made no .msi' }

if ($SignCertificate) {
    if (-not $env:VERMERK_SIGN_PASSWORD) { Fail 'set VERMERK_SIGN_PASSWORD for -SignCertificate' }
    Step "Authenticode-signing $($msi.Name) (signtool) ..."
    Invoke-Checked 'signtool.exe' @('sign', '/f', $SignCertificate, '/p', $env:VERMERK_SIGN_PASSWORD,
        '/fd', 'SHA256', '/tr', $TimestampUrl, '/td', 'SHA256', '/d', 'Vermerk', $msi.FullName)
    Invoke-Checked 'signtool.exe' @('verify', '/pa', $msi.FullName)
}
Copy-Item $msi.FullName $target -Force
Write-Output (Join-Path $target $msi.Name)
