// A list's programme filter: the URL keeps the programme id as a string. Bind it with
// `{...list.filter('programme_id')}` or a value and an onChange.
import { FilterSelect } from '../../components/FilterBar';
import { useProgrammeOptions } from './queries';

export function ProgrammeFilter({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value: string | undefined;
  onChange: (v?: string) => void;
  placeholder: string;
  testId?: string;
}) {
  const programmes = useProgrammeOptions();
  return (
    <FilterSelect
      placeholder={placeholder}
      value={value}
      onChange={onChange}
      loading={programmes.isLoading}
      options={(programmes.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
      testId={testId}
    />
  );
}
