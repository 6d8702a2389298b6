; Inno Setup 6 script: the Windows installer of aedesk, built from PyInstaller's app folder.
;   uv run python installer/build.py        (runs iscc with the defines below when it is on PATH)
; or by hand, after the build:
;   iscc /DAppVersion=0.1.0 installer\windows\aedesk.iss
; (paths default to dist\aedesk, build\icons\aedesk.ico and dist\ relative to this script)
; Chinese: Inno's ChineseSimplified.isl is an unofficial translation. Download it from
; https://jrsoftware.org/files/istrans/ (or the issrc repository's Files/Languages/Unofficial) into
; Inno's Languages\ folder; without it the script falls back to English alone (see [Languages]).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\aedesk"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\aedesk.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; AppId identifies the app across versions (upgrades, uninstall): never change it
AppId={{6F1C2B9E-4D3A-4E7B-9A51-2C8E0D7F3A16}
AppName=aedesk
AppVersion={#AppVersion}
AppVerName=aedesk {#AppVersion}
AppPublisher=aedesk
DefaultDirName={autopf}\aedesk
DefaultGroupName=aedesk
DisableProgramGroupPage=yes
; per-user install by default (no admin prompt); the user may choose all users
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=aedesk-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\aedesk.exe
UninstallDisplayName=aedesk
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma message "ChineseSimplified.isl not found in Inno's Languages folder: English installer only"
#endif

[CustomMessages]
english.LaunchApp=Start aedesk
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
chinesesimplified.LaunchApp=启动 aedesk
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\aedesk"; Filename: "{app}\aedesk.exe"
Name: "{group}\{cm:UninstallProgram,aedesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\aedesk"; Filename: "{app}\aedesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\aedesk.exe"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; the app folder only: the user's catalog and settings (in %LOCALAPPDATA%\aedesk) stay
Type: filesandordirs; Name: "{app}\_internal"
