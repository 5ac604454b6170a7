import fc from 'fast-check';
import { MAX_KEYS } from '../model.ts';
import type { LifecycleCommand } from '../real.ts';
import { CancelKeyDeletionCommand } from './cancel-key-deletion.ts';
import { CreateExternalKeyCommand } from './create-external-key.ts';
import { CreateKmsKeyCommand } from './create-kms-key.ts';
import { DeleteImportedKeyMaterialCommand } from './delete-imported-key-material.ts';
import { DescribeKeyCommand } from './describe-key.ts';
import { DisableKeyCommand } from './disable-key.ts';
import { EnableKeyCommand } from './enable-key.ts';
import { EncryptDecryptCommand } from './encrypt-decrypt.ts';
import { ImportDifferentMaterialCommand } from './import-different-material.ts';
import { ImportSameMaterialCommand } from './import-same-material.ts';
import { ScheduleKeyDeletionCommand } from './schedule-key-deletion.ts';

export {
  CancelKeyDeletionCommand,
  CreateExternalKeyCommand,
  CreateKmsKeyCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptDecryptCommand,
  ImportDifferentMaterialCommand,
  ImportSameMaterialCommand,
  ScheduleKeyDeletionCommand,
};

/**
 * The lifecycle commands as fast-check arbitraries (fc.commands picks among them evenly, so an
 * entry listed twice comes twice as often). Key-taking commands draw k1 most often, so that a run
 * takes one key through several states; the import and DeleteImportedKeyMaterial commands, the
 * subject of this suite, come twice.
 */
export function lifecycleCommands(): fc.Arbitrary<LifecycleCommand>[] {
  const key = fc.oneof({ arbitrary: fc.constant(1), weight: 4 }, { arbitrary: fc.constant(2), weight: 2 }, { arbitrary: fc.constant(MAX_KEYS), weight: 1 });
  const importSame = key.map((k) => new ImportSameMaterialCommand(k));
  const deleteMaterial = key.map((k) => new DeleteImportedKeyMaterialCommand(k));
  return [
    fc.constant(new CreateExternalKeyCommand()),
    fc.constant(new CreateKmsKeyCommand()),
    importSame,
    importSame,
    key.map((k) => new ImportDifferentMaterialCommand(k)),
    deleteMaterial,
    deleteMaterial,
    key.map((k) => new EnableKeyCommand(k)),
    key.map((k) => new DisableKeyCommand(k)),
    key.map((k) => new ScheduleKeyDeletionCommand(k)),
    key.map((k) => new CancelKeyDeletionCommand(k)),
    key.map((k) => new EncryptDecryptCommand(k)),
    key.map((k) => new DescribeKeyCommand(k)),
  ];
}
