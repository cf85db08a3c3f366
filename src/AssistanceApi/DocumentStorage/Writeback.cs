using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AssistanceApi.DocumentStorage;

/// <summary>
/// Starts writing a range of a file to disk without waiting (Linux sync_file_range, SYNC_FILE_RANGE_WRITE), so the
/// disk works while the rest of an upload arrives and the fsync that makes it durable has little left to do. Only a
/// hint: durability still comes from that fsync; elsewhere, and on any error, it does nothing.
/// </summary>
internal static class Writeback
{
    private const uint SyncFileRangeWrite = 2;

    public static void Start(SafeFileHandle file, long offset, long length)
    {
        if (!OperatingSystem.IsLinux()) return;
        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            _ = SyncFileRange((int)file.DangerousGetHandle(), offset, length, SyncFileRangeWrite);
        }
        catch (EntryPointNotFoundException) { }
        finally
        {
            if (added) file.DangerousRelease();
        }
    }

    [DllImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static extern int SyncFileRange(int fd, long offset, long nbytes, uint flags);
}
