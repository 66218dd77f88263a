"use client";

/** The JSON body of a failed request: the app's error result, or a network failure. */
export interface UploadError {
  code: string;
  message: string;
}

/**
 * Uploads one file as the raw request body with XMLHttpRequest, because fetch
 * still cannot report upload progress.
 */
export function uploadFile<T>(url: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // a proxy's HTML error page: reported as generic below
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else {
        const error = (body as { error?: UploadError } | null)?.error;
        reject(error ?? { code: "internal", message: xhr.status === 413 ? "import_too_large" : "generic" });
      }
    };
    xhr.onerror = () => reject({ code: "network", message: "network" } satisfies UploadError);
    xhr.send(file);
  });
}
