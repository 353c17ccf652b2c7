; Inno Setup 6 script: per-user installation of Consult Desktop, no administrator rights needed.
;
; Build the bundle first (python packaging\build.py), then:
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\build\pyinstaller\dist\ConsultDesktop /DOutputDir=..\..\dist ^
;        packaging\windows\consult_desktop.iss
; (relative paths are relative to this file). The program goes to %LOCALAPPDATA%\Programs\Consult Desktop
; ({userpf}); the Start menu entry starts ConsultDesktop.exe (windowed); consult-desktop.exe is the command
; line. Uninstalling asks whether to keep the encrypted profile (to reinstall later) or to wipe it: the wipe
; runs `consult-desktop.exe wipe --yes`, which removes the database, the key file and the key kept in the
; Windows Credential Manager. A silent uninstall keeps the profile unless /WIPEPROFILE is given.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\pyinstaller\dist\ConsultDesktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "Consult Desktop"
#define GuiExe "ConsultDesktop.exe"
#define CliExe "consult-desktop.exe"
; Where the program keeps its data (platformdirs, app name "ConsultDesktop").
#define ProfileDir "{localappdata}\ConsultDesktop"
#define PreferencesDir "{userappdata}\ConsultDesktop"

[Setup]
AppId={{6F1C8E52-3B7A-4D2E-9C41-8A5D0E7B2F63}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 or later.
MinVersion=10.0.17763
OutputDir={#OutputDir}
OutputBaseFilename=ConsultDesktop-{#AppVersion}-windows-x86_64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#GuiExe}
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"

[CustomMessages]
en.WipeQuestion=Also remove the patient records kept on this computer?%n%nYes: the encrypted profile in %1 and its key in the Windows Credential Manager are deleted. This cannot be undone; the hospital keeps its records.%nNo: the profile stays, and a later installation opens it with your passphrase.
fr.WipeQuestion=Supprimer aussi les dossiers de patients conservés sur cet ordinateur ?%n%nOui : le profil chiffré dans %1 et sa clé dans le Gestionnaire d'identification de Windows sont supprimés. C'est irréversible ; l'hôpital conserve ses dossiers.%nNon : le profil est conservé, et une installation ultérieure l'ouvrira avec votre phrase secrète.
nl.WipeQuestion=Ook de patiëntendossiers op deze computer verwijderen?%n%nJa: het versleutelde profiel in %1 en de sleutel ervan in Windows Referentiebeheer worden verwijderd. Dit kan niet ongedaan worden gemaakt; het ziekenhuis bewaart zijn dossiers.%nNee: het profiel blijft bewaard en een latere installatie opent het met uw wachtzin.
en.WipeFailed=The profile could not be removed (exit code %1). It is still in %2; remove that folder and the "Consult Desktop" entry of the Windows Credential Manager by hand.
fr.WipeFailed=Le profil n'a pas pu être supprimé (code de sortie %1). Il se trouve toujours dans %2 ; supprimez ce dossier et l'entrée « Consult Desktop » du Gestionnaire d'identification de Windows manuellement.
nl.WipeFailed=Het profiel kon niet worden verwijderd (afsluitcode %1). Het staat nog in %2; verwijder die map en het item "Consult Desktop" in Windows Referentiebeheer handmatig.

[InstallDelete]
; An update replaces the whole program folder: no library of an older version may linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
const
  ExitOk = 0;
  ExitNoProfile = 4;  { consult_desktop/exit_codes.py: NO_PROFILE }

function WipeRequestedOnCommandLine(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/WIPEPROFILE') = 0 then
      Result := True;
end;

procedure RemovePreferences();
begin
  { Preferences and caches hold no patient data, but a wiped workstation should keep no trace. }
  DelTree(ExpandConstant('{#PreferencesDir}'), True, True, True);
  DelTree(ExpandConstant('{#ProfileDir}\Cache'), True, True, True);
  RemoveDir(ExpandConstant('{#ProfileDir}'));
end;

procedure WipeProfile();
var
  ResultCode: Integer;
  Started: Boolean;
begin
  Started := Exec(ExpandConstant('{app}\{#CliExe}'), 'wipe --yes', ExpandConstant('{app}'), SW_HIDE,
                  ewWaitUntilTerminated, ResultCode);
  if Started and ((ResultCode = ExitOk) or (ResultCode = ExitNoProfile)) then
    RemovePreferences()
  else if not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('WipeFailed'), [IntToStr(ResultCode), ExpandConstant('{#ProfileDir}')]),
           mbError, MB_OK);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  { usUninstall comes before the program files are removed: consult-desktop.exe can still run. }
  if CurUninstallStep <> usUninstall then
    Exit;
  if UninstallSilent() then
  begin
    if WipeRequestedOnCommandLine() then
      WipeProfile();
  end
  else if MsgBox(FmtMessage(CustomMessage('WipeQuestion'), [ExpandConstant('{#ProfileDir}')]), mbConfirmation,
                 MB_YESNO or MB_DEFBUTTON2) = IDYES then
    WipeProfile();
end;
