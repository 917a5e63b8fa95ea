import { LoaderCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { Diagnosis } from '../../../../shared/doctor';
import type { CaptureDetail } from '../../../../shared/domain';
import { describeError } from '../../../client';
import { useInspector } from '../../../state/StoresContext';
import { Notice } from '../../../ui/Notice';
import { KIND_NAMES } from '../captureKinds';
import { Findings } from '../Findings';
import { DoctorReport } from './DoctorReport';
import './findings.css';

type DoctorState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; diagnosis: Diagnosis };

/** Validation findings of the recognised payload, then the JSON doctor on the request body. */
export function FindingsPanel({ detail }: { detail: CaptureDetail }) {
  const diagnose = useInspector((s) => s.diagnose);
  const [doctor, setDoctor] = useState<DoctorState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setDoctor({ status: 'loading' });
    diagnose(detail.id).then(
      (diagnosis) => current && setDoctor({ status: 'ready', diagnosis }),
      (error: unknown) =>
        current &&
        setDoctor({ status: 'error', message: describeError(error, 'The doctor could not read this body.') }),
    );
    return () => {
      current = false;
    };
  }, [detail.id, diagnose]);

  return (
    <>
      {detail.findings.length === 0 && detail.kind !== null && (
        <p className="detail-section muted" data-testid="no-findings">
          Recognised as {KIND_NAMES[detail.kind]}; it matches the documented shape.
        </p>
      )}
      <Findings findings={detail.findings} />
      <section className="detail-section" aria-label="JSON doctor">
        <h3 className="section-title">JSON doctor</h3>
        {doctor.status === 'loading' && (
          <p className="muted" aria-busy>
            <LoaderCircle size={14} className="spin" aria-hidden /> Diagnosing…
          </p>
        )}
        {doctor.status === 'error' && <Notice>{doctor.message}</Notice>}
        {doctor.status === 'ready' && <DoctorReport diagnosis={doctor.diagnosis} />}
      </section>
    </>
  );
}
