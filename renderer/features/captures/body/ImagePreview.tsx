import { useEffect, useState } from 'react';
import { bytesToBase64 } from '../../../lib/base64';
import { sniffImage } from '../../../lib/bodyViews';
import { parseContentType } from '../../../lib/contentType';

interface ImagePreviewProps {
  bytes: Uint8Array;
  contentType: string | null;
  testId: string;
}

/** The image through a blob: or data: URL (the CSP allows both for images, never remote ones). */
export function ImagePreview({ bytes, contentType, testId }: ImagePreviewProps) {
  const [url, setUrl] = useState<string | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [broken, setBroken] = useState(false);

  useEffect(() => {
    setBroken(false);
    const raster = sniffImage(bytes.subarray(0, 16));
    if (raster === null) {
      // An SVG (or bytes only the sender calls an image) can carry script: a blob: URL would be of
      // this page's origin, and "Open image in new tab" would run it there, next to the bridge.
      // A data: URL opened on its own gets an opaque origin instead.
      const declared = parseContentType(contentType).mime;
      const type = /^image\/[\w.+-]+$/.test(declared) ? declared : 'image/png';
      setUrl(`data:${type};base64,${bytesToBase64(bytes)}`);
      return;
    }
    const objectUrl = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: raster }));
    setUrl(objectUrl);
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
