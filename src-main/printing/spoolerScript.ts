/**
 * The PowerShell helper that hands raw ESC/POS bytes to a Windows printer queue through the spooler
 * API (winspool.drv: OpenPrinter, StartDocPrinter with datatype RAW, WritePrinter). No native module to
 * compile: PowerShell ships with Windows 10/11 and compiles this small C# class itself (Add-Type).
 * Kept as text in the code so it travels inside dist/ with nothing to add to the installer's files.
 *
 * Exit codes, read by windowsPrinter.ts: 0 printed; 2 queue not found; 3 the spooler refused the job;
 * 4 the queue took fewer bytes than sent; 5 the bytes file is unreadable. The Win32 error is on stderr.
 */
export const SPOOLER_SCRIPT = String.raw`param([Parameter(Mandatory=$true)][string]$Printer, [Parameter(Mandatory=$true)][string]$Path)
$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
public static class SportelloRawPrint {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public class DOCINFO { public string pDocName; public string pOutputFile; public string pDataType; }
  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)]
  public static extern bool OpenPrinter(string name, out IntPtr handle, IntPtr defaults);
  [DllImport("winspool.drv", SetLastError = true)]
  public static extern bool ClosePrinter(IntPtr handle);
  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)]
  public static extern int StartDocPrinter(IntPtr handle, int level, [In] DOCINFO info);
  [DllImport("winspool.drv", SetLastError = true)]
  public static extern bool EndDocPrinter(IntPtr handle);
  [DllImport("winspool.drv", SetLastError = true)]
  public static extern bool StartPagePrinter(IntPtr handle);
  [DllImport("winspool.drv", SetLastError = true)]
  public static extern bool EndPagePrinter(IntPtr handle);
  [DllImport("winspool.drv", SetLastError = true)]
  public static extern bool WritePrinter(IntPtr handle, byte[] bytes, int count, out int written);
}
'@
try { $bytes = [System.IO.File]::ReadAllBytes($Path) } catch { [Console]::Error.WriteLine($_.Exception.Message); exit 5 }
$handle = [IntPtr]::Zero
if (-not [SportelloRawPrint]::OpenPrinter($Printer, [ref]$handle, [IntPtr]::Zero)) {
  [Console]::Error.WriteLine([ComponentModel.Win32Exception]::new([Runtime.InteropServices.Marshal]::GetLastWin32Error()).Message); exit 2
}
try {
  $info = New-Object SportelloRawPrint+DOCINFO
  $info.pDocName = 'Sportello'; $info.pDataType = 'RAW'
  if ([SportelloRawPrint]::StartDocPrinter($handle, 1, $info) -eq 0) {
    [Console]::Error.WriteLine([ComponentModel.Win32Exception]::new([Runtime.InteropServices.Marshal]::GetLastWin32Error()).Message); exit 3
  }
  $written = 0
  [void][SportelloRawPrint]::StartPagePrinter($handle)
  $ok = [SportelloRawPrint]::WritePrinter($handle, $bytes, $bytes.Length, [ref]$written)
  $err = [Runtime.InteropServices.Marshal]::GetLastWin32Error()
  [void][SportelloRawPrint]::EndPagePrinter($handle)
  [void][SportelloRawPrint]::EndDocPrinter($handle)
  if (-not $ok -or $written -ne $bytes.Length) {
    [Console]::Error.WriteLine("$written/$($bytes.Length) " + [ComponentModel.Win32Exception]::new($err).Message); exit 4
  }
} finally { [void][SportelloRawPrint]::ClosePrinter($handle) }
exit 0
`;
