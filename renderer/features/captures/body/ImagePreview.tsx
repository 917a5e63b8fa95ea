import { useEffect, useState } from 'react';
import { sniffImage } from '../../../lib/bodyViews';
import { parseContentType } from '../../../lib/contentType';

interface ImagePreviewProps {
  bytes: Uint8Array;
  contentType: string | null;
  testId: string;
}

/** The image through a blob: URL (the CSP allows blob: images, never remote ones). */
export function ImagePreview({ bytes, contentType, testId }: ImagePreviewProps) {
  const [url, setUrl] = useState<string | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [broken, setBroken] = useState(false);

  useEffect(() => {
    const declared = parseContentType(contentType).mime;
    const type =
      sniffImage(bytes.subarray(0, 16)) ?? (declared.startsWith('image/') ? declared : 'image/png');
    const objectUrl = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    setUrl(objectUrl);
    setBroken(false);
    return () => URL.revokeObjectURL(objectUrl);
  }, [bytes, contentType]);

  if (!url) return null;
  return (
    <figure className="image-preview" data-testid={testId} data-view="image">
      {broken ? (
        <p className="muted">These bytes do not decode as an image; the Hex view shows them.</p>
      ) : (
        <img
          src={url}
          alt="Body preview"
          onLoad={(event) =>
            setSize({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
          }
          onError={() => setBroken(true)}
        />
      )}
      {size && (
        <figcaption className="muted">
          {size.width} × {size.height} px
        </figcaption>
      )}
    </figure>
  );
}
