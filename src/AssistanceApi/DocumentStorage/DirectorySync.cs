using System.Runtime.InteropServices;

namespace AssistanceApi.DocumentStorage;

/// <summary>
/// fsync of a folder, so a rename into it survives a power loss (POSIX: the file's own fsync does not cover its
/// directory entry). .NET has no API for it; on Linux and macOS it is open(O_RDONLY) + fsync through libc.
/// </summary>
internal static class DirectorySync
{
    public static void Flush(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(folder, 0);
        if (fd < 0) throw new IOException($"Could not open {folder} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"fsync of {folder} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
