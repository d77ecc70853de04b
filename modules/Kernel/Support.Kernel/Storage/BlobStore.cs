using System.Security.Cryptography;
using Support.Kernel.Persistence;

namespace Support.Kernel.Storage;

/// <summary>
/// Where uploaded files live: content-addressed (the key is the SHA-256 of the bytes), outside the web
/// root, so the same file stored twice takes the space once and a key can never point at other content.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the bytes and returns their key (64 lowercase hex digits).</summary>
    Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Opens the blob for reading, or returns null when no blob has that key.</summary>
    Stream? OpenRead(string key);
}

internal sealed class FileSystemBlobStore : IBlobStore
{
    private readonly string _root;

    public FileSystemBlobStore(DataFolder dataFolder)
    {
        _root = dataFolder.Resolve("blobs");
        Directory.CreateDirectory(_root);
    }

    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return key;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written under a temporary name and moved, so a reader never sees half a file.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return key;
    }

    public Stream? OpenRead(string key)
    {
        if (key.Length != 64 || !key.All(Uri.IsHexDigit))
        {
            return null;
        }

        var path = PathOf(key);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true) : null;
    }

    private string PathOf(string key) => Path.Combine(_root, key[..2], key[2..4], key);
}
