import type HlsType from 'hls.js';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { playlistPath } from '../../stories/api';
import { authXhrSetup } from '../../stories/player';

/**
 * The stitched scene playlist in hls.js. Every playlist and part request carries the bearer token in its
 * Authorization header (xhrSetup); the URL never holds one. `version` changes when a segment becomes ready, which
 * reloads the playlist (it is VOD: a new segment makes a new playlist).
 */
export function ScenePlayer({ sceneId, version, onTime }: { sceneId: string; version: string; onTime?: (seconds: number) => void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const onTimeRef = useRef(onTime);
  onTimeRef.current = onTime;

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    setError(null);
    let hls: HlsType | null = null;
    let gone = false;
    // hls.js is half the app's weight: load it with the first scene page, not with the app.
    void import('hls.js').then(({ default: Hls }) => {
      if (gone) return;
      if (!Hls.isSupported()) {
        // Native HLS (Safari) cannot send a header with each part, and a token must not go in the URL.
        setError('This browser cannot play the scene here: it lacks Media Source Extensions.');
        return;
      }
      hls = new Hls({ xhrSetup: authXhrSetup((ms) => api.accessTokenFor(ms), window.location.origin) });
      hls.on(Hls.Events.ERROR, (_e, data) => {
        if (data.fatal) setError(`The video could not be played (${data.details}).`);
      });
      hls.loadSource(playlistPath(sceneId));
      hls.attachMedia(video);
    }, () => setError('The video player could not be loaded.'));
    return () => {
      gone = true;
      hls?.destroy();
    };
  }, [sceneId, version]);

  return (
    <div className="scene-player">
      <video
        ref={videoRef}
        className="scene-player__video"
        data-testid="scene-video"
        controls
        playsInline
        preload="auto"
        onTimeUpdate={(e) => onTimeRef.current?.(e.currentTarget.currentTime)}
        aria-label="Scene video"
      />
      {error && <p className="error-text">{error}</p>}
    </div>
  );
}
