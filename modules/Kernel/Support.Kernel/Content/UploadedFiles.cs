using Microsoft.AspNetCore.Http;

namespace Support.Kernel.Content;

/// <summary>Reads a form's files for the attachment policy without holding more than it needs in memory.</summary>
public static class UploadedFiles
{
    /// <summary>The whole request a ticket form may send: five 2 MB files, the rich text and the fields.</summary>
    public const long RequestLimit = (AttachmentPolicy.MaxFiles * AttachmentPolicy.MaxBytes) + (4 * 1024 * 1024);

    public static async Task<IReadOnlyList<UploadedFile>> ReadAsync(IEnumerable<IFormFile>? files, CancellationToken cancellationToken)
    {
        var result = new List<UploadedFile>();
        foreach (var file in files ?? [])
        {
            if (file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            {
                continue;
            }

            // A file past the count or the size is refused whole; reading one byte more than allowed tells which.
            var keep = result.Count >= AttachmentPolicy.MaxFiles ? 0 : (int)Math.Min(file.Length, AttachmentPolicy.MaxBytes + 1L);
            var content = new byte[keep];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadAtLeastAsync(content, keep, throwOnEndOfStream: false, cancellationToken);
            }

            result.Add(new UploadedFile(file.FileName, file.ContentType, content));
        }

        return result;
    }
}
