@echo off
rem ConfigSpec Explorer launcher for Windows.
rem   configspec              opens the desktop explorer on the bundled samples
rem   configspec SUBCOMMAND   runs the command line
setlocal enabledelayedexpansion
set "ROOT=%~dp0"
set "ROOT=%ROOT:~0,-1%"
set "JDK="
if defined CONFIGSPEC_JAVA_HOME call :try "%CONFIGSPEC_JAVA_HOME%"
if not defined JDK if defined JAVA_HOME call :try "%JAVA_HOME%"
if not defined JDK for /d %%D in ("%ProgramFiles%\Eclipse Adoptium\jdk-*" "%ProgramFiles%\Java\jdk-*" "%ProgramFiles%\Microsoft\jdk-*") do if not defined JDK call :try "%%~D"
if not defined JDK (
  echo configspec: needs a JDK 25 or newer; set CONFIGSPEC_JAVA_HOME or JAVA_HOME to one. 1>&2
  exit /b 1
)
set "APP_JAR=%ROOT%\app\target\configspec-app.jar"
if not exist "%APP_JAR%" (
  echo configspec: building the application ^(first run; about a minute^)... 1>&2
  pushd "%ROOT%"
  set "JAVA_HOME=%JDK%"
  call mvnw.cmd -B -q -DskipTests -Dspotless.check.skip=true -pl app -am package > "%TEMP%\configspec-build.log" 2>&1
  if errorlevel 1 (
    popd
    echo configspec: the build failed; see %TEMP%\configspec-build.log 1>&2
    exit /b 1
  )
  popd
)
set "CP=%APP_JAR%;%ROOT%\app\target\lib\*"
if "%~1"=="" goto gui
if "%~1"=="explore" goto gui
"%JDK%\bin\java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl=error -Dconfigspec.home="%ROOT%" -Djava.awt.headless=true -cp "%CP%" io.configspec.app.Main %*
exit /b %errorlevel%
:gui
set "FX_MP="
for %%F in ("%ROOT%\app\target\javafx\javafx-*-win.jar") do set "FX_MP=!FX_MP!%%F;"
"%JDK%\bin\java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl=error -Dconfigspec.home="%ROOT%" -p "%FX_MP%" --add-modules javafx.controls,javafx.swing --enable-native-access=javafx.graphics -cp "%CP%" io.configspec.app.Main %*
exit /b %errorlevel%
:try
if exist "%~1\release" (
  for /f "tokens=2 delims==" %%V in ('findstr /b "JAVA_VERSION=" "%~1\release"') do (
    set "V=%%~V"
    for /f "tokens=1 delims=." %%M in ("!V!") do if %%M GEQ 25 set "JDK=%~1"
  )
)
exit /b 0
